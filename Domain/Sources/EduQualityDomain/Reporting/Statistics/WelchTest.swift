/// Welch's unequal-variances t-test between two group summaries (two-sided), with
/// Welch–Satterthwaite degrees of freedom. Used for year-on-year changes in trends.
public struct WelchTest: Sendable, Equatable, Codable {
    public let difference: Double        // later mean − earlier mean
    /// nil when both groups are constant (no variance to test against).
    public let t: Double?
    public let degreesOfFreedom: Double?
    public let p: Double

    public static let significanceLevel = 0.05
    public var isSignificant: Bool { p < Self.significanceLevel }

    /// nil when either group has fewer than two respondents (no variance).
    public init?(earlier a: GroupSummary, later b: GroupSummary) {
        guard a.n > 1, b.n > 1, let sa = a.sd, let sb = b.sd else { return nil }
        let va = sa * sa / Double(a.n), vb = sb * sb / Double(b.n)
        difference = b.mean - a.mean
        let se2 = va + vb
        if se2 == 0 {
            // Both groups constant: any difference is certain, none is no evidence at all.
            t = nil
            degreesOfFreedom = nil
            p = difference == 0 ? 1 : 0
            return
        }
        let t = difference / se2.squareRoot()
        let df = se2 * se2 / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        self.t = t
        degreesOfFreedom = df
        p = StudentT.twoSidedP(t, degreesOfFreedom: df)
    }
}

/// The outlier flag of a report cell (GMC colours); raw values are the API's values.
public enum OutlierFlag: String, Sendable, Hashable, CaseIterable, Codable {
    case red, pink, white, lightgreen, green, suppressed

    /// Checked in this order: n below the threshold → suppressed; mean ≤ Q1 → red when the group
    /// and benchmark 95% CIs (closed intervals) do not overlap, else pink; mean ≥ Q3 → green when
    /// they do not overlap, else lightgreen; otherwise white.
    public static func classify(group: GroupSummary, benchmark: BenchmarkFigures,
                                threshold: DisclosureThreshold) -> OutlierFlag {
        guard threshold.allows(group.n), let interval = group.confidenceInterval else { return .suppressed }
        // Closed intervals: touching end points count as overlapping.
        let overlaps = interval.lowerBound <= benchmark.ciHigh && benchmark.ciLow <= interval.upperBound
        if group.mean <= benchmark.q1 { return overlaps ? .pink : .red }
        if group.mean >= benchmark.q3 { return overlaps ? .lightgreen : .green }
        return .white
    }
}

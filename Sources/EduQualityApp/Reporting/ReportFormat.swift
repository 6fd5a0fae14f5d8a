import EduQualityDomain
import Foundation

/// How the reporting pages write figures. A hidden figure always reads "not shown", whatever
/// hid it; the key (`reports/legend.leaf`) gives the reasons.
enum ReportFormat {
    static let notShown = "not shown"
    static let whyNotShown = "too few respondents; or hidden so that no one can work out a smaller group by subtraction; "
        + "or it would have moved by too few since the last publication"

    /// A score out of 100, to one decimal place.
    static func score(_ v: Double) -> String { String(format: "%.1f", v) }

    /// A share as a whole percentage.
    static func percent(_ v: Double) -> String { "\(Int(v.rounded()))%" }

    static func interval(_ low: Double, _ high: Double) -> String { "\(score(low))–\(score(high))" }

    static func count(_ n: Int?) -> String { n.map(String.init) ?? notShown }

    /// A change from the round before, with its test.
    static func change(_ c: YearOnYearChange) -> String {
        "\(c.difference >= 0 ? "+" : "")\(score(c.difference))"
            + (c.significant ? " (significant, p = \(String(format: "%.3f", c.p)))" : " (not significant)")
    }
}

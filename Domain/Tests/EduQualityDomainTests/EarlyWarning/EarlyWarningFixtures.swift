@testable import EduQualityDomain

enum EarlyWarningFixtures {
    static func q(_ label: String) -> CalendarQuarter { CalendarQuarter(label)! }

    /// A series from `(quarter, value)` pairs; nil in place of a number means suppressed.
    static func series(_ source: EarlyWarningSource, _ points: [(String, Int?)]) -> SourceSeries {
        SourceSeries(source: source, values: Dictionary(uniqueKeysWithValues: points.map { (q($0.0), $0.1.map(SeriesValue.count) ?? .suppressed) }))
    }

    static func history(_ series: SourceSeries..., organisation: String = "RJ1") -> EarlyWarningHistory {
        EarlyWarningHistory(organisation: organisation, series: series)
    }
}

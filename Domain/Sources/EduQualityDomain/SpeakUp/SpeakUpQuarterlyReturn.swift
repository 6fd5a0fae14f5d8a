/// The quarterly speak-up data return: counts per organisation for one financial quarter, never
/// case text, worker group or anything about a person.
///
/// CSV columns, in this order (header row uses these names):
/// `organisation_code, financial_quarter, cases_total, raised_open, raised_confidential,
/// raised_anonymous, theme_patient_safety_quality, theme_worker_safety_wellbeing,
/// theme_bullying_harassment, theme_inappropriate_attitudes_behaviours, theme_other,
/// detriment_reported, speak_up_again_yes, speak_up_again_no, speak_up_again_maybe,
/// speak_up_again_not_asked`.
/// A case may have several themes, so theme columns can add up to more than `cases_total`; the
/// other groups of columns each add up to it exactly.
/// The counts are not suppressed: the return goes to the national guardian's office, which
/// publishes under its own rules. Anything shown more widely goes through `DisclosureThreshold`.
public struct SpeakUpQuarterlyReturn: Hashable, Sendable {
    public let quarter: FinancialQuarter
    /// One per organisation, sorted by code.
    public let rows: [Row]

    public static let columns = [
        "organisation_code", "financial_quarter", "cases_total",
        "raised_open", "raised_confidential", "raised_anonymous",
        "theme_patient_safety_quality", "theme_worker_safety_wellbeing", "theme_bullying_harassment",
        "theme_inappropriate_attitudes_behaviours", "theme_other",
        "detriment_reported",
        "speak_up_again_yes", "speak_up_again_no", "speak_up_again_maybe", "speak_up_again_not_asked",
    ]

    public struct Row: Hashable, Sendable {
        public let organisation: String
        public let total: Int
        public let byHowRaised: [HowRaised: Int]
        public let byTheme: [SpeakUpTheme: Int]
        public let detrimentReported: Int
        public let bySpeakUpAgain: [SpeakUpAgain: Int]

        /// Values in the order of `SpeakUpQuarterlyReturn.columns`, after the two key columns.
        public var counts: [Int] {
            [total]
                + HowRaised.allCases.map { byHowRaised[$0, default: 0] }
                + SpeakUpTheme.allCases.map { byTheme[$0, default: 0] }
                + [detrimentReported]
                + SpeakUpAgain.allCases.map { bySpeakUpAgain[$0, default: 0] }
        }
    }

    /// Counts the cases raised in `quarter`. Every organisation in `organisations` gets a row, so a
    /// quarter with no cases is returned as zeros rather than missing; organisations of the cases
    /// are included as well.
    public init(quarter: FinancialQuarter, cases: [SpeakUpCase], organisations: [String] = []) {
        self.quarter = quarter
        let inQuarter = cases.filter { quarter.contains($0.raisedOn) }
        let byOrganisation = Dictionary(grouping: inQuarter, by: \.organisation)
        let codes = Set(organisations).union(byOrganisation.keys).sorted()
        rows = codes.map { code in
            let group = byOrganisation[code] ?? []
            var byTheme: [SpeakUpTheme: Int] = [:]
            for theme in group.flatMap(\.themes) { byTheme[theme, default: 0] += 1 }
            return Row(organisation: code, total: group.count,
                       byHowRaised: Dictionary(grouping: group, by: \.howRaised).mapValues(\.count),
                       byTheme: byTheme,
                       detrimentReported: group.filter(\.detrimentReported).count,
                       bySpeakUpAgain: Dictionary(grouping: group, by: \.speakUpAgain).mapValues(\.count))
        }
    }

    public var csv: String {
        SpreadsheetCSV.line(Self.columns)
            + rows.map { SpreadsheetCSV.line([$0.organisation, quarter.label] + $0.counts.map(String.init)) }.joined()
    }
}

/// When several sources worsen together, an early-warning signal is raised. The rule is
/// configurable (`Seed/reference/early-warning-rule.json`); by default two or more sources must
/// worsen across two consecutive quarters, each by at least its margin.
///
/// A source worsens when, over the `consecutiveQuarters` quarters ending with the quarter
/// assessed, it moved the worse way (`EarlyWarningSource.worse`) from the first of them to the
/// last by at least its margin. Every one of those quarters must have a figure and none may be
/// suppressed: a gap or a suppressed figure means the source is not compared at all, so
/// suppression can never raise a signal (or be inferred from one).
public struct SignalRule: Hashable, Sendable {
    public let minimumSources: Int
    public let consecutiveQuarters: Int
    public let defaultMargin: Int
    public let margins: [EarlyWarningSource: Int]

    /// The file's contents, before they are checked (margins keyed by the sources' API codes).
    public struct Definition: Hashable, Sendable, Codable {
        public var minimumSources: Int
        public var consecutiveQuarters: Int
        public var defaultMargin: Int
        public var margins: [String: Int]

        public init(minimumSources: Int, consecutiveQuarters: Int, defaultMargin: Int, margins: [String: Int] = [:]) {
            self.minimumSources = minimumSources
            self.consecutiveQuarters = consecutiveQuarters
            self.defaultMargin = defaultMargin
            self.margins = margins
        }
    }

    public init(_ definition: Definition) throws(InvalidForm) {
        var problems = FormProblems()
        if !(1...EarlyWarningSource.allCases.count).contains(definition.minimumSources) {
            problems.add("minimumSources", "minimumSources must be from 1 to \(EarlyWarningSource.allCases.count).")
        }
        if !(2...8).contains(definition.consecutiveQuarters) {
            problems.add("consecutiveQuarters", "consecutiveQuarters must be from 2 to 8.")
        }
        if definition.defaultMargin < 1 { problems.add("defaultMargin", "defaultMargin must be 1 or more.") }
        var margins: [EarlyWarningSource: Int] = [:]
        for code in definition.margins.keys.sorted() {
            guard let source = EarlyWarningSource(rawValue: code) else {
                problems.add("margins", "\(code) is not an early-warning source."); continue
            }
            guard definition.margins[code]! >= 1 else { problems.add("margins", "The margin for \(code) must be 1 or more."); continue }
            margins[source] = definition.margins[code]!
        }
        try problems.check()
        minimumSources = definition.minimumSources
        consecutiveQuarters = definition.consecutiveQuarters
        defaultMargin = definition.defaultMargin
        self.margins = margins
    }

    public init(minimumSources: Int = 2, consecutiveQuarters: Int = 2, defaultMargin: Int = 1,
                margins: [EarlyWarningSource: Int] = [:]) throws(InvalidForm) {
        try self.init(Definition(minimumSources: minimumSources, consecutiveQuarters: consecutiveQuarters,
                                 defaultMargin: defaultMargin,
                                 margins: Dictionary(uniqueKeysWithValues: margins.map { ($0.key.rawValue, $0.value) })))
    }

    public func margin(for source: EarlyWarningSource) -> Int { margins[source] ?? defaultMargin }

    /// The default: two sources, two consecutive quarters, a margin of one.
    public static let standard = try! SignalRule()

    /// How `series` moved over the window ending at `quarter`, when it worsened by its margin.
    public func worsening(of series: SourceSeries, at quarter: CalendarQuarter) -> SourceWorsening? {
        let window = CalendarQuarter.range(quarter.adding(quarters: 1 - consecutiveQuarters), through: quarter)
        let numbers = window.compactMap { series.value(at: $0)?.number }
        guard numbers.count == window.count, let first = numbers.first, let last = numbers.last else { return nil }
        let change = series.source.worse == .higher ? last - first : first - last
        let margin = margin(for: series.source)
        guard change >= margin else { return nil }
        return SourceWorsening(source: series.source, from: first, to: last, fromQuarter: window.first!, toQuarter: quarter,
                               margin: margin)
    }

    /// Applies the rule to `history` at `quarter` (by default its latest).
    public func evaluate(_ history: EarlyWarningHistory, at quarter: CalendarQuarter? = nil) -> EarlyWarningSignal {
        guard let quarter = quarter ?? history.latestQuarter else {
            return EarlyWarningSignal(organisation: history.organisation, quarter: nil, raised: false, worsening: [])
        }
        let worse = history.series.compactMap { self.worsening(of: $0, at: quarter) }.sorted(by: SourceWorsening.worseFirst)
        return EarlyWarningSignal(organisation: history.organisation, quarter: quarter,
                                  raised: worse.count >= minimumSources, worsening: worse)
    }
}

/// One source that worsened: from what to what, between which quarters.
public struct SourceWorsening: Hashable, Sendable {
    public var source: EarlyWarningSource
    public var from: Int
    public var to: Int
    public var fromQuarter: CalendarQuarter
    public var toQuarter: CalendarQuarter
    public var margin: Int

    public init(source: EarlyWarningSource, from: Int, to: Int, fromQuarter: CalendarQuarter, toQuarter: CalendarQuarter, margin: Int) {
        self.source = source
        self.from = from
        self.to = to
        self.fromQuarter = fromQuarter
        self.toQuarter = toQuarter
        self.margin = margin
    }

    /// The move measured in margins (2.0: twice the margin), for ordering.
    public var severity: Double { Double(abs(to - from)) / Double(margin) }

    /// The bigger move in margins first; ties by source code, so the order is stable.
    public static func worseFirst(_ a: SourceWorsening, _ b: SourceWorsening) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return a.source.rawValue < b.source.rawValue
    }

    /// "Survey red flags rose from 2 to 5 between 2026-Q2 and 2026-Q3".
    public var reason: String {
        "\(source.displayName) \(to > from ? "rose" : "fell") from \(from) to \(to) between \(fromQuarter) and \(toQuarter)"
    }
}

/// What the early-warning view knows about one organisation, as plain dated facts, and the rule
/// that turns them into its history by quarter. Each source is one of four kinds of fact:
/// - **events** happen on a day (a concern raised, a speak-up case, a comment judged serious, an
///   emerging concern, an impact assessment submitted) and count in the quarter they fall in;
/// - **spans** are open from one day until another (a requirement, an overdue requirement, a
///   register entry in the high or extreme band) and count at each quarter's end while open;
/// - **levels** hold from the day they are set until the next (the ISF category): the latest at
///   each quarter's end;
/// - **round figures** are published once per survey round and stand until the next round's.
///
/// Counts about people (learner concerns, speak-up cases, serious comments) go through the
/// disclosure threshold, so a quarter with one or two is suppressed and never compared.
public struct EarlyWarningFacts: Hashable, Sendable {
    public struct Span: Hashable, Sendable {
        public var from: CalendarDay
        /// The day it stopped counting; nil while it still counts.
        public var until: CalendarDay?
        public init(from: CalendarDay, until: CalendarDay? = nil) {
            self.from = from
            self.until = until
        }
        /// Whether it counted at the end of `day`.
        public func isOpen(at day: CalendarDay) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
    }

    public struct Level: Hashable, Sendable {
        public var on: CalendarDay
        public var level: Int
        public init(on: CalendarDay, level: Int) {
            self.on = on
            self.level = level
        }
    }

    /// One dated fact with a category (a concern's category, a case's theme), for the breakdowns.
    public struct Categorised: Hashable, Sendable {
        public var category: String
        public var on: CalendarDay
        public init(category: String, on: CalendarDay) {
            self.category = category
            self.on = on
        }
    }

    public var organisation: String
    public var events: [EarlyWarningSource: [CalendarDay]]
    public var spans: [EarlyWarningSource: [Span]]
    public var levels: [EarlyWarningSource: [Level]]
    public var rounds: [EarlyWarningSource: [CalendarQuarter: Int]]
    /// Categorised events behind a source, shown as a breakdown beside its series.
    public var breakdowns: [EarlyWarningSource: [Categorised]]

    public init(organisation: String, events: [EarlyWarningSource: [CalendarDay]] = [:],
                spans: [EarlyWarningSource: [Span]] = [:], levels: [EarlyWarningSource: [Level]] = [:],
                rounds: [EarlyWarningSource: [CalendarQuarter: Int]] = [:], breakdowns: [EarlyWarningSource: [Categorised]] = [:]) {
        self.organisation = organisation
        self.events = events
        self.spans = spans
        self.levels = levels
        self.rounds = rounds
        self.breakdowns = breakdowns
    }

    /// The sources whose figures count people and so are suppressed below the threshold.
    public static let countsPeople: Set<EarlyWarningSource> = [.learnerConcerns, .speakUpCases, .seriousComments]

    /// The `count` quarters ending with the one `today` is in: the view's periods.
    public static func periods(endingOn today: CalendarDay, count: Int = 8) -> [CalendarQuarter] {
        let last = CalendarQuarter(containing: today)
        return CalendarQuarter.range(last.adding(quarters: 1 - max(1, count)), through: last)
    }

    /// The history over `periods`. The current quarter is read as at `today`; a quarter after
    /// `today` has no figures.
    public func history(over periods: [CalendarQuarter], today: CalendarDay, threshold: DisclosureThreshold) -> EarlyWarningHistory {
        let periods = periods.filter { $0.firstDay <= today }
        func end(_ q: CalendarQuarter) -> CalendarDay { min(q.lastDay, today) }
        var series: [SourceSeries] = []
        for source in EarlyWarningSource.allCases {
            var values: [CalendarQuarter: SeriesValue] = [:]
            if let days = events[source] {
                for q in periods {
                    let n = days.filter { CalendarQuarter(containing: $0) == q && $0 <= today }.count
                    values[q] = .counted(n, suppressedBelow: Self.countsPeople.contains(source) ? threshold.value : nil)
                }
            } else if let open = spans[source] {
                for q in periods { values[q] = .count(open.filter { $0.isOpen(at: end(q)) }.count) }
            } else if let set = levels[source] {
                for q in periods {
                    if let latest = set.filter({ $0.on <= end(q) }).max(by: { $0.on < $1.on }) { values[q] = .count(latest.level) }
                }
            } else if let figures = rounds[source] {
                for q in periods {
                    if let latest = figures.keys.filter({ $0 <= q }).max() { values[q] = .count(figures[latest]!) }
                }
            } else {
                continue
            }
            series.append(SourceSeries(source: source, values: values))
        }
        return EarlyWarningHistory(organisation: organisation, series: series)
    }

    /// A source's categorised events by category and quarter, through the same disclosure rule as
    /// every published table (`SuppressedCountTable`): no cell from 1 to the threshold − 1, and
    /// none that subtraction from its row or column would give away.
    public func breakdown(of source: EarlyWarningSource, over periods: [CalendarQuarter],
                          threshold: DisclosureThreshold) -> SuppressedCountTable? {
        guard let facts = breakdowns[source], !periods.isEmpty else { return nil }
        let categories = Array(Set(facts.map(\.category))).sorted()
        guard !categories.isEmpty else { return nil }
        let counts = categories.map { category in
            periods.map { q in facts.filter { $0.category == category && CalendarQuarter(containing: $0.on) == q }.count }
        }
        return SuppressedCountTable(rowLabels: categories, columnLabels: periods.map(\.description), counts: counts, threshold: threshold)
    }
}

/// How concern statistics are grouped into rows.
public enum ConcernStatisticsGrouping: String, CaseIterable, Sendable, Hashable {
    /// The placement organisation.
    case organisation
    case region
    /// The month the concern was submitted, `2026-03`.
    case month
}

/// What the columns of a count table break concerns down by.
public enum ConcernStatisticsBreakdown: String, CaseIterable, Sendable, Hashable {
    case category
    /// The current pathway.
    case pathway
    /// The current status.
    case status
}

/// Handling performance for one group of concerns.
public struct ConcernPerformance: Hashable, Sendable {
    public let group: String
    public let concerns: PublishedCount
    /// Median working days from the start of a handling stage to its acknowledgement, over all
    /// acknowledged stages (each escalation or transfer starts a stage with its own clocks).
    public let medianDaysToAcknowledge: PublishedMeasure
    /// Median working days from the start of a stage to its resolution, over resolved stages.
    public let medianDaysToResolve: PublishedMeasure
    /// Share of the group's concerns escalated at least once, from 0 to 1.
    public let escalationRate: PublishedMeasure
}

/// Counts and handling times for handlers and the quality team. Every figure passes through
/// `DisclosureThreshold`; no case text is read.
public enum ConcernStatistics {
    public static func counts(_ concerns: [Concern], by grouping: ConcernStatisticsGrouping,
                              breakdown: ConcernStatisticsBreakdown,
                              threshold: DisclosureThreshold = .standard) -> SuppressedCountTable {
        let columns: [String] = switch breakdown {
        case .category: ConcernCategory.allCases.map(\.rawValue)
        case .pathway: EscalationPathway.allCases.map { String($0.rawValue) }
        case .status: ConcernStatus.allCases.map(\.rawValue)
        }
        let groups = Dictionary(grouping: concerns) { groupKey($0, grouping) }
        let rows = groups.keys.sorted()
        let counts = rows.map { row in
            columns.map { column in groups[row]!.filter { columnKey($0, breakdown) == column }.count }
        }
        return SuppressedCountTable(rowLabels: rows, columnLabels: columns, counts: counts, threshold: threshold)
    }

    /// One row per group, sorted by group, then `all` for everything given. Group sizes and
    /// escalation counts are suppressed together as a table (groups × escalated / not escalated),
    /// so no group's size or escalations can be worked out from the others and the total.
    public static func performance(_ concerns: [Concern], by grouping: ConcernStatisticsGrouping,
                                   calendar: WorkingCalendar = .englandAndWales,
                                   threshold: DisclosureThreshold = .standard) -> [ConcernPerformance] {
        let groups = Dictionary(grouping: concerns) { groupKey($0, grouping) }
        let keys = groups.keys.sorted()
        let escalation = SuppressedCountTable(
            rowLabels: keys, columnLabels: ["escalated", "not-escalated"],
            counts: keys.map { key in
                let escalated = groups[key]!.filter(\.wasEscalated).count
                return [escalated, groups[key]!.count - escalated]
            },
            threshold: threshold)
        let rows = keys.enumerated().map { index, key in
            performance(of: groups[key]!, group: key, size: escalation.rowTotals[index],
                        escalation: escalation.cells[index], calendar: calendar, threshold: threshold)
        }
        return rows + [performance(of: concerns, group: "all", size: escalation.grandTotal,
                                   escalation: escalation.columnTotals, calendar: calendar, threshold: threshold)]
    }

    static func performance(of concerns: [Concern], group: String, size: PublishedCount, escalation: [PublishedCount],
                            calendar: WorkingCalendar, threshold: DisclosureThreshold) -> ConcernPerformance {
        let stages = concerns.flatMap(\.stages)
        let toAcknowledge = stages.compactMap { s in s.acknowledgedOn.map { calendar.workingDays(from: s.startedOn, to: $0) } }
        let toResolve = stages.compactMap { s in s.resolvedOn.map { calendar.workingDays(from: s.startedOn, to: $0) } }
        let rate: PublishedMeasure
        if concerns.isEmpty {
            rate = .noData
        } else if case .count(let whole) = size, case .count(let part) = escalation[0], case .count = escalation[1] {
            rate = .value(Double(part) / Double(whole), n: whole)
        } else {
            rate = .suppressed
        }
        // A median's n would reveal a suppressed group size, so it goes with it.
        let sizeShown = size.value != nil || concerns.isEmpty
        return ConcernPerformance(
            group: group,
            concerns: size,
            medianDaysToAcknowledge: sizeShown ? median(toAcknowledge, threshold) : .suppressed,
            medianDaysToResolve: sizeShown ? median(toResolve, threshold) : .suppressed,
            escalationRate: rate)
    }

    static func median(_ values: [Int], _ threshold: DisclosureThreshold) -> PublishedMeasure {
        guard !values.isEmpty else { return .noData }
        guard threshold.allows(values.count) else { return .suppressed }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        let m = sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
        return .value(m, n: values.count)
    }

    static func groupKey(_ concern: Concern, _ grouping: ConcernStatisticsGrouping) -> String {
        switch grouping {
        case .organisation: concern.submission.placement.organisation
        case .region: concern.submission.placement.region
        case .month: CalendarMonth(containing: concern.submittedOn).description
        }
    }

    static func columnKey(_ concern: Concern, _ breakdown: ConcernStatisticsBreakdown) -> String {
        switch breakdown {
        case .category: concern.category.rawValue
        case .pathway: String(concern.pathway.rawValue)
        case .status: concern.status.rawValue
        }
    }
}

extension Concern {
    /// Escalated at least once (transfers do not count).
    public var wasEscalated: Bool {
        timeline.contains { if case .escalated = $0.kind { true } else { false } }
    }
}

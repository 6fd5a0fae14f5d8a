/// How many days each kind of record is kept (`RetainedRecords`): an administrator's setting,
/// starting from the defaults in `Seed/reference/retention.json`.
public struct RetentionPolicy: Equatable, Sendable {
    public static let shortest = 1
    /// A hundred years: longer than any record needs, short enough that the cut-off day is real.
    public static let longest = 36_500

    public let days: [RetainedRecords: Int]

    /// Every kind of record must have a whole number of days from `shortest` to `longest`.
    public init(days: [RetainedRecords: Int]) throws(InvalidForm) {
        var problems = FormProblems()
        for kind in RetainedRecords.allCases {
            guard let value = days[kind] else {
                problems.add(kind.rawValue, "Enter how many days to keep \(kind.title.lowercased())")
                continue
            }
            if !(Self.shortest...Self.longest).contains(value) {
                problems.add(kind.rawValue, Self.rangeMessage(kind))
            }
        }
        try problems.check()
        self.days = days
    }

    /// Reads the administration form: one field per kind, named by its code, in days. Text that is
    /// not a whole number is refused as out of range, a blank field as missing.
    public static func parse(_ form: [String: String]) throws(InvalidForm) -> RetentionPolicy {
        var days: [RetainedRecords: Int] = [:]
        for kind in RetainedRecords.allCases {
            if let text = FormProblems.clean(form[kind.rawValue]) { days[kind] = Int(text) ?? 0 }
        }
        return try RetentionPolicy(days: days)
    }

    /// Reads the stored form (kind code → days); unknown codes are an error, so a typing mistake
    /// in the file is not silently a default.
    public init(stored: [String: Int]) throws(InvalidForm) {
        var days: [RetainedRecords: Int] = [:]
        var problems = FormProblems()
        for (code, value) in stored {
            guard let kind = RetainedRecords(rawValue: code) else {
                problems.add(code, "\(code) is not a kind of record the service keeps")
                continue
            }
            days[kind] = value
        }
        try problems.check()
        try self.init(days: days)
    }

    public var stored: [String: Int] {
        Dictionary(uniqueKeysWithValues: days.map { ($0.key.rawValue, $0.value) })
    }

    public func days(for kind: RetainedRecords) -> Int { days[kind]! }

    /// The first day a record of `kind` is still kept on `today`: one whose time counts from an
    /// earlier day is past its retention.
    public func cutoff(for kind: RetainedRecords, today: CalendarDay) -> CalendarDay {
        today.adding(days: -days(for: kind))
    }

    public func isPast(_ kind: RetainedRecords, countedFrom day: CalendarDay, today: CalendarDay) -> Bool {
        day < cutoff(for: kind, today: today)
    }

    /// The audit event for an administrator changing the policy.
    public func change(from before: RetentionPolicy) -> AuditEvent {
        AuditEvent(action: "settings.retention", entityType: "setting", entityID: "retention",
                   before: before.auditFields, after: auditFields)
    }

    var auditFields: [String: String] { stored.mapValues(String.init) }

    private static func rangeMessage(_ kind: RetainedRecords) -> String {
        "Days to keep \(kind.title.lowercased()) must be a whole number from \(shortest) to \(longest)"
    }
}

/// One run of the purge: how many records of each kind it deleted or anonymised, under which
/// policy. Its audit event is the run's record.
public struct RetentionRun: Equatable, Sendable {
    public static let auditAction = "retention.purge"

    public let day: CalendarDay
    public let policy: RetentionPolicy
    public let counts: [RetainedRecords: Int]

    public init(day: CalendarDay, policy: RetentionPolicy, counts: [RetainedRecords: Int]) {
        self.day = day
        self.policy = policy
        self.counts = counts
    }

    public func count(_ kind: RetainedRecords) -> Int { counts[kind] ?? 0 }
    public var total: Int { RetainedRecords.allCases.map(count).reduce(0, +) }

    /// `after` holds each kind's count under its code and the days kept under `CODE-days`.
    public var auditEvent: AuditEvent {
        var fields: [String: String] = [:]
        for kind in RetainedRecords.allCases {
            fields[kind.rawValue] = String(count(kind))
            fields[kind.rawValue + "-days"] = String(policy.days(for: kind))
        }
        return AuditEvent(action: Self.auditAction, entityType: "retention", entityID: day.iso, after: fields)
    }

    /// Reads a run back from its audit event's `after` fields (nil for anything else).
    public static func counts(fromAudit after: [String: String]) -> [RetainedRecords: Int] {
        var counts: [RetainedRecords: Int] = [:]
        for kind in RetainedRecords.allCases { counts[kind] = after[kind.rawValue].flatMap { Int($0) } ?? 0 }
        return counts
    }
}

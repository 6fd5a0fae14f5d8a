import Foundation

/// One concern about a learning environment on the quality register: where it is, what it is,
/// which Quality Framework standards it touches, how serious it is, who owns it, what is being
/// done and where the signal came from. Changes go through the methods in
/// `RegisterEntry+Changes.swift`, each returning what to write to the entry's history.
public struct RegisterEntry: Hashable, Sendable {
    public var reference: String
    public var region: String
    public var organisation: String
    public var site: String?
    public var specialty: String?
    public var professions: [String]
    public var title: String
    public var description: String
    public var standards: [String]
    /// The Quality Framework version the standards were tagged in.
    public var frameworkVersion: Int
    public var risk: RiskScore
    /// The user id of the team member who owns the entry.
    public var owner: String
    public var reviewDue: CalendarDay
    public var status: RegisterEntryStatus
    public var sources: [RegisterSource]
    public var actions: [RegisterAction]
    public var openedOn: CalendarDay

    public init(reference: String, region: String, organisation: String, site: String? = nil,
                specialty: String? = nil, professions: [String] = [], title: String, description: String,
                standards: [String], frameworkVersion: Int, risk: RiskScore, owner: String,
                reviewDue: CalendarDay, status: RegisterEntryStatus = .open, sources: [RegisterSource] = [],
                actions: [RegisterAction] = [], openedOn: CalendarDay) {
        self.reference = reference
        self.region = region
        self.organisation = organisation
        self.site = site
        self.specialty = specialty
        self.professions = professions
        self.title = title
        self.description = description
        self.standards = standards
        self.frameworkVersion = frameworkVersion
        self.risk = risk
        self.owner = owner
        self.reviewDue = reviewDue
        self.status = status
        self.sources = sources
        self.actions = actions
        self.openedOn = openedOn
    }

    public var location: Location { Location(region: region, organisation: organisation, site: site) }

    /// A live entry whose review date has passed.
    public func isReviewOverdue(on today: CalendarDay) -> Bool { status != .closed && reviewDue < today }

    /// Actions not completed by their due date.
    public func overdueActions(on today: CalendarDay) -> [RegisterAction] {
        actions.filter { $0.isOverdue(on: today) }
    }

    /// References are `QR-` and a five-digit sequence number, given in order of opening.
    public static func reference(number: Int) -> String {
        let digits = String(number)
        return "QR-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

/// Something the provider or the team will do about an entry, with an owner and a due date.
public struct RegisterAction: Hashable, Sendable, Codable {
    /// 1, 2, 3… within the entry.
    public var number: Int
    public var text: String
    /// A person or role, as the team writes it (the provider's director of medical education, say).
    public var owner: String
    public var due: CalendarDay
    public var completedOn: CalendarDay?

    public init(number: Int, text: String, owner: String, due: CalendarDay, completedOn: CalendarDay? = nil) {
        self.number = number
        self.text = text
        self.owner = owner
        self.due = due
        self.completedOn = completedOn
    }

    public func isOverdue(on today: CalendarDay) -> Bool { completedOn == nil && due < today }
}

/// What a change did, for the entry's history (one line per field) and the audit log.
public struct RegisterChange: Equatable, Sendable {
    public let lines: [String]
    public let audit: AuditEvent

    public var isEmpty: Bool { lines.isEmpty }
}

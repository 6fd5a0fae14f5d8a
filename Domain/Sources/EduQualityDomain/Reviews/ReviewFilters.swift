/// The staff list of reviews, narrowed by provider, region, status and type. Typed values are
/// checked: an unknown status is a message, not an empty list.
public struct ReviewFilter: Hashable, Sendable {
    public var organisation: String?
    public var region: String?
    public var status: ReviewStatus?
    public var type: String?

    public init(organisation: String? = nil, region: String? = nil, status: String? = nil, type: String? = nil) throws(InvalidForm) {
        self.organisation = FormProblems.clean(organisation)?.uppercased()
        self.region = FormProblems.clean(region)?.uppercased()
        self.type = FormProblems.clean(type)
        if let text = FormProblems.clean(status) {
            guard let status = ReviewStatus(rawValue: text) else {
                throw InvalidForm(field: "status", "status must be one of " + ReviewStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.status = status
        }
    }

    public func matches(_ review: Review) -> Bool {
        (organisation == nil || review.organisation == organisation) && (region == nil || review.region == region)
            && (status == nil || review.status == status) && (type == nil || review.type == type)
    }

    public var isActive: Bool { organisation != nil || region != nil || status != nil || type != nil }
}

/// Requirements narrowed by provider, region, status (or `live`: anything still the provider's to
/// act on), kind and whether overdue.
public struct RequirementFilter: Hashable, Sendable {
    public var organisation: String?
    public var region: String?
    public var status: String?
    public var kind: RequirementKind?
    public var overdue: Bool?

    public static let statuses = ["live"] + RequirementStatus.allCases.map(\.rawValue)

    public init(organisation: String? = nil, region: String? = nil, status: String? = nil, kind: String? = nil,
                overdue: String? = nil) throws(InvalidForm) {
        self.organisation = FormProblems.clean(organisation)?.uppercased()
        self.region = FormProblems.clean(region)?.uppercased()
        if let text = FormProblems.clean(status) {
            guard Self.statuses.contains(text) else {
                throw InvalidForm(field: "status", "status must be one of " + Self.statuses.joined(separator: ", "))
            }
            self.status = text
        }
        if let text = FormProblems.clean(kind) {
            guard let kind = RequirementKind(rawValue: text) else {
                throw InvalidForm(field: "kind", "kind must be one of " + RequirementKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.kind = kind
        }
        if let text = FormProblems.clean(overdue) {
            switch text {
            case "true", "1", "yes": self.overdue = true
            case "false", "0", "no": self.overdue = false
            default: throw InvalidForm(field: "overdue", "overdue must be true or false")
            }
        }
    }

    public func matches(_ r: Requirement, on today: CalendarDay) -> Bool {
        if let organisation, r.organisation != organisation { return false }
        if let region, r.region != region { return false }
        if let kind, r.kind != kind { return false }
        if let status, status == "live" ? !r.status.isLive : r.status.rawValue != status { return false }
        if let overdue, r.isOverdue(on: today) != overdue { return false }
        return true
    }

    public var isActive: Bool { organisation != nil || region != nil || status != nil || kind != nil || overdue != nil }
}

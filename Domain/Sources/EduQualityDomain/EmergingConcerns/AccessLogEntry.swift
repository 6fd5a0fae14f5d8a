import Foundation

/// One line of a concern's access log ("who saw what, when"): every view, change and export of
/// a concern or its panels is recorded, and those it is shared with can read the log (through
/// `EmergingConcernVisibility`, like the concern itself).
public struct AccessLogEntry: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable, Hashable {
        case viewed, changed, exported
    }

    public var concern: String
    public var userID: String
    public var userName: String
    /// The signatory the person acted for.
    public var organisation: String
    public var kind: Kind
    /// What was seen or done, e.g. "the concern", "panel EC-0001-P1", "shared with NMC".
    public var what: String
    public var at: Date

    public init(concern: String, userID: String, userName: String, organisation: String, kind: Kind, what: String, at: Date) {
        self.concern = concern
        self.userID = userID
        self.userName = userName
        self.organisation = organisation
        self.kind = kind
        self.what = what
        self.at = at
    }

    /// "Reg Liaison (GMC) viewed the concern"; the page adds the time.
    public var line: String { "\(userName) (\(organisation)) \(kind.rawValue) \(what)" }

    /// Entries newest first, only for someone who may see the concern.
    public static func readable(_ log: [AccessLogEntry], of concern: EmergingConcern, viewer: String?) -> [AccessLogEntry] {
        guard EmergingConcernVisibility.canSee(concern, viewer: viewer) else { return [] }
        return log.filter { $0.concern == concern.reference }.sorted { $0.at > $1.at }
    }
}

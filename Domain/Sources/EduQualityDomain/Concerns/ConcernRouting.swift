/// Which body actually handles a concern. A concern sent to a body with no one to handle it (an
/// organisation, site or guardian team without a single handler account) would sit unread in an
/// empty queue: instead the quality team of the placement's region handles it in that body's place,
/// and the stage records the body it was meant for and why it went elsewhere, so the timeline, the
/// learner and the notices all say so. A region is never re-routed: it is the last stand-in, and
/// the national quality lead is told when no regional handler exists either.
public enum ConcernRouting {
    /// The body that will handle a concern meant for `intended`, for a placement in `region`.
    public static func route(_ intended: HandlingBody, region: String, staffing: ConcernStaffing) -> ConcernRoute {
        if case .region = intended { return ConcernRoute(body: intended, rerouting: nil) }
        guard !staffing.isStaffed(intended) else { return ConcernRoute(body: intended, rerouting: nil) }
        return ConcernRoute(body: .region(region), rerouting: ConcernRerouting(intended: intended, reason: .noHandlers))
    }
}

/// Where a concern goes, and why if not where it was sent.
public struct ConcernRoute: Hashable, Sendable {
    public let body: HandlingBody
    public let rerouting: ConcernRerouting?
}

/// A stage that started at a stand-in: the body it was meant for and why it is elsewhere.
public struct ConcernRerouting: Hashable, Sendable {
    public let intended: HandlingBody
    public let reason: Reason

    public init(intended: HandlingBody, reason: Reason) {
        self.intended = intended
        self.reason = reason
    }

    public enum Reason: String, Codable, Sendable, Hashable {
        /// No active account handles the intended body's queue.
        case noHandlers = "no-handlers"
    }

    /// Why, in words for the learner and the handlers (no names: the organisation is the learner's own).
    public var explanation: String {
        switch (reason, intended) {
        case (.noHandlers, .guardian): "the organisation has no Freedom to Speak Up guardian here yet"
        case (.noHandlers, _): "the organisation has no one to handle concerns here yet"
        }
    }

    /// The timeline's line, e.g. "sent to the London regional quality team: the organisation has
    /// no one to handle concerns here yet". `regionName` is the reference-data name of the region.
    public func timelineText(regionName: String) -> String {
        "sent to \(Self.teamName(regionName: regionName)): \(explanation)"
    }

    public static func teamName(regionName: String) -> String { "the \(regionName) regional quality team" }
}

/// Which handling bodies have someone to handle their queue: the role assignments of active
/// accounts, national ones left out (the national team oversees every queue but handles none of
/// them day to day). `.assumeStaffed` treats every body as staffed, for callers that do not know.
public struct ConcernStaffing: Hashable, Sendable {
    private let assignments: [RoleAssignment]?

    public init(handlerAssignments: [RoleAssignment]) {
        assignments = handlerAssignments.filter { $0.scope != .national }
    }

    private init(unknown: Void) { assignments = nil }

    public static let assumeStaffed = ConcernStaffing(unknown: ())

    public func isStaffed(_ body: HandlingBody) -> Bool {
        guard let assignments else { return true }
        return assignments.contains { Authorization.isAllowed(Actor(userID: nil, assignments: [$0]), .viewConcern, .caseQueue(body)) }
    }
}

/// Who sees an emerging concern: the raising signatory and the signatories it is shared with,
/// nobody else, whatever their role. A national quality lead sees a concern only when the quality
/// body is a party to it; a provider, a learner, the public and a regulator it was not shared
/// with never do. Every page, API response, export, search result, count and notification goes
/// through this rule.
public enum EmergingConcernVisibility {
    /// The pure rule: `viewer` is the signatory the person acts for (nil for someone who acts for none).
    public static func canSee(_ concern: EmergingConcern, viewer: String?) -> Bool {
        guard let viewer else { return false }
        return concern.parties.contains(viewer)
    }

    public static func visible(_ concerns: [EmergingConcern], viewer: String?) -> [EmergingConcern] {
        concerns.filter { canSee($0, viewer: viewer) }
    }

    /// The signatory `actor` acts for: a regulator liaison's organisation when it is a signatory;
    /// for the regional and national quality teams, the configured quality body; else none.
    public static func viewer(for actor: Actor, signatories: SignatoryList) -> String? {
        for assignment in actor.assignments where assignment.role == .regulatorLiaison {
            if case .organisation(let code) = assignment.scope, let signatory = signatories.named(code) { return signatory.code }
        }
        if actor.has(.regionalQualityTeam) || actor.has(.nationalQualityLead) { return signatories.qualityBody?.code }
        return nil
    }

    /// Both checks at once: the role may read emerging concerns where this one is (a regional
    /// team only in its region), and the actor's signatory is a party to it.
    public static func mayRead(_ actor: Actor, _ concern: EmergingConcern, signatories: SignatoryList) -> Bool {
        Authorization.isAllowed(actor, .viewEmergingConcerns, concern.resource)
            && canSee(concern, viewer: viewer(for: actor, signatories: signatories))
    }

    /// As `mayRead`, for raising, sharing and panel business.
    public static func mayWorkOn(_ actor: Actor, _ concern: EmergingConcern, signatories: SignatoryList) -> Bool {
        Authorization.isAllowed(actor, .raiseEmergingConcern, concern.resource)
            && canSee(concern, viewer: viewer(for: actor, signatories: signatories))
    }

    /// The signatory `actor` may raise a concern as, about something at `location` (a regional
    /// team only about its region); nil when it may not raise one there.
    public static func raisingSignatory(for actor: Actor, about location: Location, signatories: SignatoryList) -> String? {
        guard let code = viewer(for: actor, signatories: signatories),
              Authorization.isAllowed(actor, .raiseEmergingConcern, .emergingConcern(about: location, parties: [code])) else { return nil }
        return code
    }
}

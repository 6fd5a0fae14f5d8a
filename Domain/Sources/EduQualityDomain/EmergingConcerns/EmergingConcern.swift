/// Early information shared under the Emerging Concerns protocol that may indicate a risk to
/// people using services, carers, families, learners or professionals. A signatory raises it and
/// chooses whom to share it with; only those and the raiser ever see it
/// (`EmergingConcernVisibility`). Sharing can be widened, never narrowed: there is no method that
/// removes a signatory.
public struct EmergingConcern: Hashable, Sendable {
    /// `EC-` and a four-digit sequence number, in order of raising.
    public var reference: String
    /// The raising signatory's code.
    public var raisedBy: String
    /// The user id of the person who recorded it.
    public var raisedByUser: String
    public var about: EmergingConcernSubject
    /// The region of the organisation it is about, so the quality teams' scope applies.
    public var region: String
    public var type: EmergingConcernType
    /// What is known.
    public var summary: String
    /// The risk to people using services, carers, families, learners or professionals.
    public var risk: String
    /// Where the information came from, as the raiser describes each source.
    public var sources: [String]
    /// Signatory codes it is shared with, never including the raiser.
    public private(set) var sharedWith: Set<String>
    public private(set) var registerEntries: [String]
    public private(set) var isfDecisions: [String]
    public var raisedOn: CalendarDay

    public init(reference: String, raisedBy: String, raisedByUser: String, about: EmergingConcernSubject, region: String,
                type: EmergingConcernType, summary: String, risk: String, sources: [String] = [],
                sharedWith: Set<String>, registerEntries: [String] = [], isfDecisions: [String] = [], raisedOn: CalendarDay) {
        self.reference = reference
        self.raisedBy = raisedBy
        self.raisedByUser = raisedByUser
        self.about = about
        self.region = region
        self.type = type
        self.summary = summary
        self.risk = risk
        self.sources = sources
        self.sharedWith = sharedWith.subtracting([raisedBy])
        self.registerEntries = registerEntries
        self.isfDecisions = isfDecisions
        self.raisedOn = raisedOn
    }

    public static let maxSummary = 4_000
    public static let maxRisk = 2_000
    public static let maxSource = 500

    public static func reference(number: Int) -> String {
        let digits = String(number)
        return "EC-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The raiser and everyone it is shared with: the signatories who see it.
    public var parties: Set<String> { sharedWith.union([raisedBy]) }

    /// Whom to notify of a change made for `signatory`: every other party, sorted. Notifications
    /// go to these only, like everything else about the concern.
    public func parties(except signatory: String) -> [String] { parties.subtracting([signatory]).sorted() }

    /// Shared-with codes in a stable order, for pages and the API.
    public var sharedWithSorted: [String] { sharedWith.sorted() }

    public var location: Location { Location(region: region, organisation: about.organisation) }

    /// The resource the authorisation rule is asked about for this concern.
    public var resource: Resource { .emergingConcern(about: location, parties: parties) }

    /// Widens the sharing to `add` (signatory codes), on behalf of `signatory`, which must itself
    /// be a party. Codes already party to the concern are ignored; when nothing is left to add
    /// the request is refused, so a widening is never recorded that widened nothing.
    public mutating func share(add codes: [String], by signatory: String, signatories: SignatoryList) throws(InvalidForm) -> EmergingConcernChange {
        guard parties.contains(signatory) else {
            throw InvalidForm(field: "add", "Only the signatories this concern is shared with may share it further.")
        }
        let typed = codes.compactMap(FormProblems.clean)
        guard !typed.isEmpty else { throw InvalidForm(field: "add", "Choose at least one signatory to share it with.") }
        if let unknown = typed.first(where: { !signatories.contains($0) }) {
            throw InvalidForm(field: "add", "\(unknown) is not a signatory of the Emerging Concerns protocol.")
        }
        let known = Set(typed.compactMap { signatories.named($0)?.code })
        let new = known.subtracting(parties)
        guard !new.isEmpty else {
            throw InvalidForm(field: "add", "The concern is already shared with \(known.sorted().joined(separator: ", ")); nothing to add.")
        }
        let before = sharedWithSorted
        sharedWith.formUnion(new)
        return EmergingConcernChange(
            lines: ["Shared with \(new.sorted().joined(separator: ", ")) by \(signatory)"],
            audit: AuditEvent(action: "emerging-concern.share", entityType: "emerging-concern", entityID: reference,
                              before: ["sharedWith": before.joined(separator: ",")],
                              after: ["sharedWith": sharedWithSorted.joined(separator: ","), "by": signatory]))
    }

    /// Links a register entry (its existence checked by the caller); linking one twice changes nothing.
    public mutating func link(registerEntry entry: String) -> EmergingConcernChange? {
        guard !registerEntries.contains(entry) else { return nil }
        registerEntries.append(entry)
        return linkChange("register entry", entry, "registerEntry")
    }

    /// Links an ISF decision (its existence checked by the caller); linking one twice changes nothing.
    public mutating func link(isfDecision decision: String) -> EmergingConcernChange? {
        guard !isfDecisions.contains(decision) else { return nil }
        isfDecisions.append(decision)
        return linkChange("ISF decision", decision, "isfDecision")
    }

    private func linkChange(_ what: String, _ id: String, _ key: String) -> EmergingConcernChange {
        EmergingConcernChange(lines: ["Linked to \(what) \(id)"],
                              audit: AuditEvent(action: "emerging-concern.link", entityType: "emerging-concern",
                                                entityID: reference, after: [key: id]))
    }

    /// What the audit log records of a new concern: no summary, risk or personal data.
    public var creationAudit: AuditEvent {
        AuditEvent(action: "emerging-concern.raise", entityType: "emerging-concern", entityID: reference,
                   after: ["raisedBy": raisedBy, "organisation": about.organisation, "type": type.rawValue,
                           "sharedWith": sharedWithSorted.joined(separator: ","),
                           "personalData": about.holdsPersonalData ? "yes" : "no"])
    }
}

import Testing
@testable import EduQualityDomain

@Suite("Emerging concerns: recording one")
struct NewEmergingConcernFormTests {
    typealias F = EmergingConcernFixtures

    @Test("a valid concern is raised with its reference, region, type and sharing, the raiser dropped from the share list")
    func raised() throws {
        // MUT
        let concern = try F.concern(shareWith: ["nmc", "CQC", "GMC"])
        // validate
        #expect(concern.reference == "EC-0001")
        #expect(concern.raisedBy == "GMC" && concern.raisedByUser == "user-gmc")
        #expect(concern.region == "LDN")
        #expect(concern.type == .systemsAndEnvironment)
        #expect(concern.sharedWith == ["NMC", "CQC"])
        #expect(concern.parties == ["GMC", "NMC", "CQC"])
        #expect(concern.about == EmergingConcernSubject(organisation: "RJ1", setting: "Ward 7", group: "Foundation doctors"))
        #expect(!concern.about.holdsPersonalData)
        #expect(concern.creationAudit.after?["sharedWith"] == "CQC,NMC")
        #expect(concern.creationAudit.after?["summary"] == nil)
    }

    @Test("references number in order", arguments: [(1, "EC-0001"), (42, "EC-0042"), (12345, "EC-12345")])
    func references(number: Int, reference: String) {
        #expect(EmergingConcern.reference(number: number) == reference)
    }

    @Test("every type is accepted by its API code", arguments: EmergingConcernType.allCases)
    func types(type: EmergingConcernType) throws {
        let concern = try F.form(type: type.rawValue)
            .validated(raisedBy: "GMC", user: "u", signatories: F.signatories, regionOf: { F.regions[$0] }, number: 1, today: F.today)
        #expect(concern.type == type)
    }

    @Test("a named individual needs the personal-data mark and a lawful basis")
    func namedIndividual() throws {
        var form = F.form()
        form.individual = "Dr A. Example"
        form.personalData = true
        form.lawfulBasis = "Public task (UK GDPR article 6(1)(e))"
        let concern = try form.validated(raisedBy: "GMC", user: "u", signatories: F.signatories, regionOf: { F.regions[$0] },
                                         number: 1, today: F.today)
        #expect(concern.about.individual == NamedIndividual(name: "Dr A. Example", lawfulBasis: "Public task (UK GDPR article 6(1)(e))"))
        #expect(concern.about.holdsPersonalData)
        #expect(concern.creationAudit.after?["personalData"] == "yes")
        #expect(!concern.creationAudit.after!.values.contains("Dr A. Example"))
    }

    static func with(_ change: (inout NewEmergingConcernForm) -> Void) -> NewEmergingConcernForm {
        var form = EmergingConcernFixtures.form()
        change(&form)
        return form
    }

    @Test("bad input is refused with the field named and a clear message", arguments: [
        (with { $0.shareWith = [] }, "shareWith", "Choose at least one signatory to share the concern with."),
        (with { $0.shareWith = ["GMC"] }, "shareWith", "Share the concern with at least one signatory other than GMC."),
        (with { $0.shareWith = ["NMC", "XYZ"] }, "shareWith", "XYZ is not a signatory of the Emerging Concerns protocol."),
        (with { $0.summary = "  " }, "summary", "Say what is known."),
        (with { $0.risk = nil }, "risk", "Say what the risk is to people using services, carers, families, learners or professionals."),
        (with { $0.type = "gossip" }, "type", "Choose the type: professionals, systems-and-environment, trust-and-confidence."),
        (with { $0.organisation = "ZZZ" }, "organisation", "ZZZ is not a known organisation code."),
        (with { $0.organisation = nil }, "organisation", "Enter the code of the organisation the concern is about."),
        (with { $0.individual = "Dr X"; $0.personalData = true }, "lawfulBasis",
         "Record the lawful basis for sharing the named individual's personal data."),
        (with { $0.individual = "Dr X"; $0.lawfulBasis = "Public task" }, "personalData",
         "A named individual is personal data: mark the concern as holding personal data."),
        (with { $0.personalData = true }, "individual", "Name the individual, or untick personal data."),
        (with { $0.summary = String(repeating: "x", count: 4_001) }, "summary", "Keep this to 4000 characters or fewer."),
    ])
    func refused(form: NewEmergingConcernForm, field: String, message: String) {
        let error = #expect(throws: InvalidForm.self) {
            try form.validated(raisedBy: "GMC", user: "u", signatories: EmergingConcernFixtures.signatories,
                               regionOf: { EmergingConcernFixtures.regions[$0] }, number: 1, today: EmergingConcernFixtures.today)
        }
        #expect(error?.message(for: field) == message, "\(String(describing: error))")
    }

    @Test("an organisation that is not a signatory cannot raise a concern")
    func unknownRaiser() {
        let error = #expect(throws: InvalidForm.self) {
            try F.form().validated(raisedBy: "RJ1", user: "u", signatories: F.signatories, regionOf: { F.regions[$0] },
                                   number: 1, today: F.today)
        }
        #expect(error?.message(for: "raisedBy") != nil)
    }
}

import Testing
@testable import EduQualityDomain

@Suite("Raising a concern: the form and its validation")
struct NewConcernFormTests {
    static func form(howRaised: String? = "confidential", pathway: String? = "1") -> NewConcernForm {
        NewConcernForm(howRaised: howRaised, region: "LDN", organisation: "RJ1", site: "RJ1-01",
                       category: "patient-safety", whatHappened: "  No handover on nights.  ",
                       desiredOutcome: "", pathway: pathway, educationProvider: "UNI1",
                       reporterName: "Sam Reporter", reporterEmail: "sam@example.org", accountID: "acc-1")
    }

    static func problems(_ form: NewConcernForm) -> [NewConcernForm.Field: String] {
        do {
            _ = try form.validated()
            return [:]
        } catch {
            return Dictionary(uniqueKeysWithValues: error.problems.map { ($0.field, $0.message) })
        }
    }

    @Test("a complete form becomes a submission, trimmed, with blanks as nil")
    func valid() throws {
        let submission = try Self.form().validated()
        #expect(submission.reporter == .confidential(ReporterIdentity(name: "Sam Reporter", email: "sam@example.org", accountID: "acc-1")))
        #expect(submission.whatHappened == "No handover on nights.")
        #expect(submission.desiredOutcome == nil)
        #expect(submission.category == .patientSafety)
        #expect(submission.pathway == .placementProvider)
        #expect(submission.recipient == .pathwayHandler)
        #expect(submission.placement == ConcernPlacement(region: "LDN", organisation: "RJ1", site: "RJ1-01"))
    }

    @Test("an empty form names every required field, in form order")
    func empty() {
        do {
            _ = try NewConcernForm().validated()
            Issue.record("an empty form must be refused")
        } catch {
            #expect(error.problems.map(\.field) == [.howRaised, .region, .organisation, .category, .whatHappened, .pathway])
            #expect(error.message(for: .howRaised) == "Choose how you want to raise your concern: openly, confidentially or anonymously.")
            #expect(error.message(for: .region) == "Choose the region of your placement.")
            #expect(error.message(for: .organisation) == "Choose the organisation where you were placed.")
            #expect(error.message(for: .category) == "Choose what your concern is about.")
            #expect(error.message(for: .whatHappened) == "Tell us what happened.")
            #expect(error.message(for: .pathway) == "Choose who should handle your concern: pathway 1, 2 or 3.")
        }
    }

    @Test("unknown choices get a message on their field")
    func unknownChoices() {
        var form = Self.form()
        form.howRaised = "secret"
        form.category = "parking"
        form.pathway = "4"
        form.recipient = "chief-executive"
        form.site = "RJ1 01; DROP"
        let problems = Self.problems(form)
        #expect(problems[.howRaised] != nil)
        #expect(problems[.category] == "Choose what your concern is about.")
        #expect(problems[.pathway] != nil)
        #expect(problems[.recipient] == "Choose whether to send your concern to the placement's education team or its Freedom to Speak Up guardian.")
        #expect(problems[.site] == "Choose the site from the list.")
        form = Self.form()
        form.site = "RJ1.01"
        #expect(Self.problems(form)[.site] == nil, "codes follow the shared ReferenceCode rule")
    }

    @Test("lengths are limited with a message saying the limit")
    func lengths() {
        var form = Self.form()
        form.whatHappened = String(repeating: "a", count: 10_001)
        form.desiredOutcome = String(repeating: "b", count: 4_001)
        form.reporterName = String(repeating: "c", count: 201)
        let problems = Self.problems(form)
        #expect(problems[.whatHappened] == "Keep what happened to 10000 characters or fewer; you can add more after sending.")
        #expect(problems[.desiredOutcome] == "Keep the outcome you want to 4000 characters or fewer.")
        #expect(problems[.reporterName] == "Keep your name to 200 characters or fewer.")
        form = Self.form()
        form.whatHappened = String(repeating: "a", count: 10_000)
        #expect(Self.problems(form).isEmpty)
    }

    @Test("an anonymous concern must carry no name, email or account")
    func anonymousCarriesNothing() throws {
        let problems = Self.problems(Self.form(howRaised: "anonymous"))
        #expect(problems[.reporterName] == "Leave your name out of an anonymous concern, or choose to raise it confidentially.")
        #expect(problems[.reporterEmail] == "Leave your email address out of an anonymous concern, or choose to raise it confidentially.")
        #expect(problems[.accountID] == "An anonymous concern cannot be linked to your account.")
        var form = Self.form(howRaised: "anonymous")
        form.reporterName = " "
        form.reporterEmail = nil
        form.accountID = nil
        let submission = try form.validated()
        #expect(submission.reporter == .anonymous)
        #expect(submission.reporter.needsReceiptCode)
    }

    @Test("open and confidential concerns need a name; the email is optional but must look like one")
    func namedReporters() {
        var form = Self.form(howRaised: "open")
        form.reporterName = nil
        form.reporterEmail = "not-an-email"
        let problems = Self.problems(form)
        #expect(problems[.reporterName] == "Give your name, or choose to raise your concern anonymously.")
        #expect(problems[.reporterEmail] == "Enter an email address in the form name@example.org, or leave it blank.")
    }

    @Test("pathway 2 needs the education provider")
    func pathwayTwoNeedsProvider() throws {
        var form = Self.form(pathway: "2")
        form.educationProvider = nil
        #expect(Self.problems(form)[.educationProvider] == "Choose your education provider (university, school or programme).")
        form.educationProvider = "UNI1"
        #expect(try form.validated().handlingBody(at: .educationProvider) == .organisation("UNI1", site: nil))
    }

    @Test("the guardian is at the placement provider, so only pathway 1 can go to them")
    func guardianIsPathwayOne() throws {
        var form = Self.form(pathway: "3")
        form.recipient = "guardian"
        #expect(Self.problems(form)[.recipient] == "The Freedom to Speak Up guardian is at your placement provider, so choose pathway 1 to send your concern to them.")
        form.pathway = "1"
        let submission = try form.validated()
        #expect(submission.handlingBody(at: .placementProvider) == .guardian("RJ1"))
    }

    @Test("each pathway has its guidance, and the form says it does not replace incident reporting")
    func guidance() {
        for pathway in EscalationPathway.allCases {
            #expect(pathway.title.hasPrefix("Pathway \(pathway.rawValue):"))
            #expect(!pathway.whoHandles.isEmpty && !pathway.guidance.isEmpty)
        }
        #expect(EscalationPathway.placementProvider.next == .educationProvider)
        #expect(EscalationPathway.regionalQualityTeam.next == nil)
        #expect(RaisingGuidance.notASeriousIncidentReport.contains("serious-incident"))
        #expect(RaisingGuidance.goingStraightToALaterPathway.contains("do not have to start at pathway 1"))
    }

    @Test("references are random, readable and parse back")
    func references() {
        var rng = SeededGenerator(seed: 7)
        let refs = (0..<500).map { _ in ConcernReference.generate(using: &rng) }
        #expect(Set(refs).count == 500)
        for ref in refs {
            #expect(ref.value.count == "CN-XXXXX-XXXXX".count)
            #expect(ConcernReference(ref.value.lowercased()) == ref)
        }
        #expect(ConcernReference("CN-12345") == nil)
        #expect(ConcernReference("XX-AAAAA-00001") == nil)
    }
}

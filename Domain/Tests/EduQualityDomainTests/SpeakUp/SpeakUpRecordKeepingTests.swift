import Testing
@testable import EduQualityDomain

@Suite("Speak-up record keeping: audit snapshots, references, editing, quarter navigation")
struct SpeakUpRecordKeepingTests {
    typealias F = SpeakUpFixtures

    @Test("a recorded case's audit event has every field but never the outcome text")
    func recordedEventHasNoOutcomeText() {
        let c = F.speakUpCase("x", themes: [.bullyingHarassment, .patientSafetyQuality], detriment: true)
        let event = c.recordedEvent(reference: "RJ1-FTSU-0001")
        #expect(event.action == "speak-up-case.record")
        #expect(event.entityID == "RJ1-FTSU-0001")
        #expect(event.after?["themes"] == "patient-safety-quality bullying-harassment")
        #expect(event.after?["detriment-reported"] == "yes")
        #expect(event.after?["outcome"] == "recorded")
        #expect(!(event.after ?? [:]).values.contains { $0.contains("OUTCOME TEXT") })
    }

    @Test("an update says the outcome changed without copying either version; no change, no event")
    func updatedEvent() {
        let old = F.speakUpCase("x")
        let new = SpeakUpCase(id: "x", raisedOn: old.raisedOn, organisation: old.organisation, howRaised: .anonymous,
                              workerGroup: old.workerGroup, themes: old.themes, detrimentReported: false,
                              outcome: "A different secret outcome", speakUpAgain: .yes)
        let event = new.updatedEvent(from: old, reference: "RJ1-FTSU-0001")
        #expect(event?.before?["how-raised"] == "open")
        #expect(event?.after?["how-raised"] == "anonymous")
        #expect(event?.after?["outcome"] == "changed")
        let text = [event?.before, event?.after].compactMap { $0 }.flatMap(\.values).joined()
        #expect(!text.contains("secret") && !text.contains("OUTCOME TEXT"))
        #expect(old.updatedEvent(from: old, reference: "RJ1-FTSU-0001") == nil)
    }

    @Test("directory entries are logged in full: they are public")
    func directoryEvents() throws {
        let entry = try GuardianDirectoryEntry.validated(id: "g1", name: "Zoë Adams", organisation: "RJ1",
                                                         organisationName: "Riverside", email: "zoe@example.org",
                                                         phone: nil, availability: "Mondays")
        #expect(entry.addedEvent.after == ["name": "Zoë Adams", "organisation": "RJ1", "email": "zoe@example.org",
                                           "availability": "Mondays"])
        #expect(entry.removedEvent.before == entry.auditSnapshot)
        #expect(entry.updatedEvent(from: entry) == nil)
        let moved = try GuardianDirectoryEntry.validated(id: "g1", name: "Zoë Adams", organisation: "RJ1",
                                                         organisationName: "Riverside", email: "zoe@example.org",
                                                         phone: "01632 960001", availability: "Mondays")
        #expect(moved.updatedEvent(from: entry)?.after?["phone"] == "01632 960001")
    }

    @Test("references number cases per organisation with four digits at least")
    func references() {
        #expect(SpeakUpCaseReference.next(organisation: "T001", after: nil).description == "T001-FTSU-0001")
        #expect(SpeakUpCaseReference.next(organisation: "T001", after: 41).description == "T001-FTSU-0042")
        #expect(SpeakUpCaseReference(organisation: "T001", number: 12345).description == "T001-FTSU-12345")
    }

    @Test("a case round-trips through the editing form")
    func editingForm() throws {
        let c = F.speakUpCase("x", themes: [.other, .workerSafetyWellbeing], detriment: true, again: .notAsked)
        let again = try SpeakUpCaseForm(editing: c).validated(id: "x", today: F.day("2030-01-01"))
        #expect(again == c)
    }

    @Test("quarters step back across a financial year, and the last completed quarter is the one before today's")
    func navigation() {
        let q1 = FinancialQuarter(label: "2026-27 Q1")!
        #expect(q1.previous.label == "2025-26 Q4")
        #expect(q1.recent(3).map(\.label) == ["2026-27 Q1", "2025-26 Q4", "2025-26 Q3"])
        #expect(q1.recent(0).isEmpty)
        #expect(FinancialQuarter.lastCompleted(on: F.day("2026-04-01")).label == "2025-26 Q4")
        #expect(FinancialQuarter.lastCompleted(on: F.day("2027-03-31")).label == "2026-27 Q3")
    }
}

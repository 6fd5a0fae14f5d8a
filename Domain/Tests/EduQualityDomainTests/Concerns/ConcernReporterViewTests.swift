import Testing
@testable import EduQualityDomain

@Suite("The reporter's view of a concern")
struct ConcernReporterViewTests {
    typealias F = ConcernFixtures

    /// A case with one of everything on its timeline.
    static func busyConcern() throws -> Concern {
        var concern = F.received(F.submission(reporter: .anonymous))
        let day = F.monday
        _ = try concern.acknowledge(by: "handler-alice", on: day)
        _ = try concern.addInternalNote("INTERNAL: reporter probably on ward 7", by: "handler-alice", on: day)
        _ = try concern.assign(to: "handler-bob", by: "handler-alice", on: day)
        _ = try concern.addLabel("LABEL-sensitive", by: "handler-alice", on: day)
        _ = try concern.messageReporter("Thank you, we are looking into it.", by: "handler-alice", on: day)
        _ = try concern.receiveReporterMessage("It happened again.", on: day)
        _ = try concern.transfer(to: .guardian("RJ1"), reason: "TRANSFER-REASON", by: "handler-alice", on: day)
        _ = try concern.acknowledge(by: "guardian-carol", on: day)
        _ = try concern.resolve(outcome: "The rota now names a supervisor.", by: "guardian-carol", on: day)
        _ = try concern.escalate(by: .reporter, reason: "Still unsupervised", on: day)
        _ = try concern.removeLabel("LABEL-sensitive", by: "handler-dan", on: day)
        return concern
    }

    @Test("internal notes, assignees, labels, handler identities and internal reasons never reach the reporter")
    func hidesInternalWork() throws {
        let view = try Self.busyConcern().reporterView(on: F.monday)
        let dump = String(reflecting: view.entries.map(\.kind)) + String(reflecting: view.entries)
        for secret in ["INTERNAL", "handler-", "guardian-carol", "LABEL", "TRANSFER-REASON", "RJ1", "UNI1", "Still unsupervised"] {
            #expect(!dump.contains(secret), "\(secret) leaked")
        }
        #expect(view.entries.map(\.kind) == [
            .received(pathway: .placementProvider),
            .acknowledged,
            .messageFromHandlers("Thank you, we are looking into it."),
            .yourMessage("It happened again."),
            .passedToAnotherTeam,
            .acknowledged,
            .outcome("The rota now names a supervisor."),
            .escalated(to: .educationProvider, byYou: true),
        ])
    }

    @Test("the view carries the status, pathway, response date and what the reporter may do")
    func summary() throws {
        let concern = F.concern(in: .resolved)
        let view = concern.reporterView(on: F.monday)
        #expect(view.status == .resolved)
        #expect(view.pathway == .placementProvider)
        #expect(view.respondBy == F.day("2026-03-30"))
        #expect(view.canEscalate)
        #expect(view.canGiveFeedback)
        #expect(view.whatHappened == "No supervisor on the night shift.")
        let fresh = F.received().reporterView(on: F.monday)
        #expect(!fresh.canEscalate && !fresh.canGiveFeedback)
        #expect(F.received().reporterView(on: F.day("2026-03-31")).canEscalate)
    }
}

import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Suspension of postgraduate medical training")
struct TrainingSuspensionTests {
    typealias F = ISFFixtures
    typealias S = TrainingSuspension
    static let reasons = SuspensionReasons.standard
    static let day = F.day("2026-06-01")

    static func opened() throws -> TrainingSuspension {
        try S.open(reference: "TS-0001", subject: F.subject, history: F.history([3, 4]), scale: .standard,
                   professions: ["doctor-core"], reasons: reasons, by: "lead", on: day).0
    }

    /// Records `step` with valid data.
    @discardableResult
    static func record(_ step: S.Step, on s: inout TrainingSuspension, suspend: Bool = true) throws(SuspensionRefusal) -> AuditEvent {
        switch step {
        case .localResolution: try s.recordLocalResolution(.offered(outcome: "Declined by the trust"), by: "lead", on: day)
        case .triggers: try s.recordTriggers(["inadequate-supervision"], reasons: reasons, by: "lead", on: day)
        case .decision: try s.recordDecision(panel: [.init(name: "A", role: "Chair"), .init(name: "B", role: "Dean")],
                                             suspend: suspend, rationale: "Unsafe", confirmedBy: "national",
                                             confirmerIsNationalLead: true, on: day)
        case .notifications: try s.recordNotifications(provider: day, learners: day, regulator: day, by: "lead", on: day)
        case .affectedLearners: try s.recordAffectedLearners([.init(programme: "Core medical", level: "CT1", count: 6, relocatedTo: "T002")],
                                                             namedListLawfulBasis: nil, by: "lead", on: day)
        case .returnConditions: try s.recordReturnConditions(["Consultant cover every night"], by: "lead", on: day)
        case .lift: try s.recordLift(findings: "Visit found cover in place", by: "lead", on: day)
        }
    }

    @Test("the steps are recorded in order; every step out of order is refused and changes nothing")
    func order() throws {
        var s = try Self.opened()
        for (index, step) in S.Step.allCases.enumerated() {
            #expect(s.nextStep == step)
            for other in S.Step.allCases where other != step {
                let before = s
                #expect(throws: SuspensionRefusal.outOfOrder(expected: step, attempted: other)) { try Self.record(other, on: &s) }
                #expect(s == before)
            }
            let event = try Self.record(step, on: &s)
            #expect(event.action == "suspension.step-\(index + 1)")
            #expect(s.log.count == index + 1)
        }
        #expect(s.nextStep == nil)
        #expect(!s.isSuspended)
        for step in S.Step.allCases {
            #expect(throws: SuspensionRefusal.outOfOrder(expected: nil, attempted: step)) { try Self.record(step, on: &s) }
        }
    }

    @Test("a decision not to suspend ends the workflow")
    func notSuspended() throws {
        var s = try Self.opened()
        try Self.record(.localResolution, on: &s)
        try Self.record(.triggers, on: &s)
        try Self.record(.decision, on: &s, suspend: false)
        #expect(s.isFinished)
        #expect(!s.isSuspended)
    }

    @Test("every out-of-scope reason is refused with the policy's explanation", arguments: SuspensionReasons.standard.outOfScope)
    func outOfScope(reason: SuspensionReasons.Reason) throws {
        var s = try Self.opened()
        try Self.record(.localResolution, on: &s)
        do {
            _ = try s.recordTriggers(["inadequate-supervision", reason.code], reasons: Self.reasons, by: "lead", on: Self.day)
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix(reason.name + " is outside the policy"))
        }
        #expect(s.triggers.isEmpty)
        #expect(throws: SuspensionRefusal.self) { try s.recordTriggers([], reasons: Self.reasons, by: "lead", on: Self.day) }
        #expect(throws: SuspensionRefusal.self) { try s.recordTriggers(["weather"], reasons: Self.reasons, by: "lead", on: Self.day) }
    }

    @Test("only a subject at the top category, not a region, and only doctors in training", arguments: [1, 2, 3])
    func guardOpening(category: Int) {
        #expect(throws: SuspensionRefusal.notAtTopCategory(current: category, top: 4)) {
            try S.open(reference: "TS", subject: F.subject, history: F.history([category]), scale: .standard,
                       professions: ["doctor-core"], reasons: Self.reasons, by: "lead", on: Self.day)
        }
        #expect(throws: SuspensionRefusal.notAtTopCategory(current: nil, top: 4)) {
            try S.open(reference: "TS", subject: F.subject, history: ISFHistory(), scale: .standard,
                       professions: ["doctor-core"], reasons: Self.reasons, by: "lead", on: Self.day)
        }
        #expect(throws: SuspensionRefusal.regionIsNotASubject) {
            try S.open(reference: "TS", subject: ISFSubject(kind: .region, code: "LDN")!, history: F.history([4]),
                       scale: .standard, professions: ["doctor-core"], reasons: Self.reasons, by: "lead", on: Self.day)
        }
        #expect(throws: SuspensionRefusal.professionNotCovered("student-nurse")) {
            try S.open(reference: "TS", subject: F.subject, history: F.history([4]), scale: .standard,
                       professions: ["doctor-core", "student-nurse"], reasons: Self.reasons, by: "lead", on: Self.day)
        }
    }

    @Test("local resolution may be skipped only with an urgent safety reason; the decision needs a national lead")
    func guards() throws {
        var s = try Self.opened()
        #expect(throws: SuspensionRefusal.self) { try s.recordLocalResolution(.skipped(urgentSafetyReason: " "), by: "l", on: Self.day) }
        _ = try s.recordLocalResolution(.skipped(urgentSafetyReason: "Patients at immediate risk"), by: "l", on: Self.day)
        try Self.record(.triggers, on: &s)
        #expect(throws: SuspensionRefusal.notANationalLead) {
            try s.recordDecision(panel: [.init(name: "A", role: "Chair"), .init(name: "B", role: "Dean")], suspend: true,
                                 rationale: "r", confirmedBy: "regional", confirmerIsNationalLead: false, on: Self.day)
        }
        #expect(throws: SuspensionRefusal.self) {
            try s.recordDecision(panel: [.init(name: "A", role: "Chair")], suspend: true,
                                 rationale: "r", confirmedBy: "n", confirmerIsNationalLead: true, on: Self.day)
        }
        try Self.record(.decision, on: &s)
        #expect(throws: SuspensionRefusal.self) {
            try s.recordNotifications(provider: Self.day, learners: nil, regulator: Self.day, by: "l", on: Self.day)
        }
        #expect(throws: SuspensionRefusal.self) {
            try s.recordNotifications(provider: Self.day.adding(days: -1), learners: Self.day, regulator: Self.day, by: "l", on: Self.day)
        }
        try Self.record(.notifications, on: &s)
        #expect(s.isSuspended)
        #expect(throws: SuspensionRefusal.self) {
            try s.recordAffectedLearners([.init(programme: "Core", level: "CT1", count: 0, relocatedTo: "T002")],
                                         namedListLawfulBasis: nil, by: "l", on: Self.day)
        }
    }

    @Test("a suspension survives encoding, for storage")
    func codable() throws {
        var s = try Self.opened()
        try Self.record(.localResolution, on: &s)
        try Self.record(.triggers, on: &s)
        let data = try JSONEncoder().encode(s)
        #expect(try JSONDecoder().decode(TrainingSuspension.self, from: data) == s)
    }
}

import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Emerging concerns: only the raiser and those it is shared with see it")
struct EmergingConcernVisibilityTests {
    typealias F = EmergingConcernFixtures

    @Test("shared with A and B: the raiser, A and B see it; C, a non-signatory and nobody do not",
          arguments: [("GMC", true), ("NMC", true), ("CQC", true), ("HCPC", false), ("NEQB", false), ("RJ1", false)])
    func pureRule(viewer: String, sees: Bool) throws {
        let concern = try F.concern(shareWith: ["NMC", "CQC"])
        #expect(EmergingConcernVisibility.canSee(concern, viewer: viewer) == sees)
        #expect(!EmergingConcernVisibility.canSee(concern, viewer: nil))
        #expect(EmergingConcernVisibility.visible([concern], viewer: viewer).count == (sees ? 1 : 0))
    }

    @Test("the signatory a person acts for: a liaison's regulator, the quality body for the quality teams, none for others")
    func viewers() {
        let list = F.signatories
        #expect(EmergingConcernVisibility.viewer(for: F.gmc, signatories: list) == "GMC")
        #expect(EmergingConcernVisibility.viewer(for: F.londonTeam, signatories: list) == "NEQB")
        #expect(EmergingConcernVisibility.viewer(for: F.nationalLead, signatories: list) == "NEQB")
        #expect(EmergingConcernVisibility.viewer(for: F.provider, signatories: list) == nil)
        #expect(EmergingConcernVisibility.viewer(for: F.administrator, signatories: list) == nil)
        #expect(EmergingConcernVisibility.viewer(for: .publicVisitor, signatories: list) == nil)
        let notSignatory = F.actor(.regulatorLiaison, .organisation("RJ1"))
        #expect(EmergingConcernVisibility.viewer(for: notSignatory, signatories: list) == nil)
        let noBody = try! SignatoryList([Signatory(code: "GMC", name: "General Medical Council")])
        #expect(EmergingConcernVisibility.viewer(for: F.nationalLead, signatories: noBody) == nil)
    }

    @Test("not shared with the quality body: no quality team member reads it, not even the national lead")
    func notSharedWithQualityBody() throws {
        let concern = try F.concern(shareWith: ["NMC"])
        let readers: [(Actor, Bool)] = [(F.gmc, true), (F.nmc, true), (F.cqc, false), (F.provider, false),
                                        (F.londonTeam, false), (F.nationalLead, false), (F.administrator, false),
                                        (.publicVisitor, false)]
        for (actor, may) in readers {
            #expect(EmergingConcernVisibility.mayRead(actor, concern, signatories: F.signatories) == may, "\(actor)")
            #expect(EmergingConcernVisibility.mayWorkOn(actor, concern, signatories: F.signatories) == may, "\(actor)")
        }
    }

    @Test("shared with the quality body: the region's team and the national lead read it, another region's team does not")
    func sharedWithQualityBody() throws {
        let concern = try F.concern(shareWith: ["NEQB"])
        #expect(EmergingConcernVisibility.mayRead(F.londonTeam, concern, signatories: F.signatories))
        #expect(EmergingConcernVisibility.mayRead(F.nationalLead, concern, signatories: F.signatories))
        #expect(!EmergingConcernVisibility.mayRead(F.northWestTeam, concern, signatories: F.signatories))
        #expect(!EmergingConcernVisibility.mayRead(F.provider, concern, signatories: F.signatories))
        #expect(!EmergingConcernVisibility.mayRead(F.nmc, concern, signatories: F.signatories))
    }

    @Test("a widening makes it visible to the newly added signatory")
    func widened() throws {
        var concern = try F.concern(shareWith: ["NMC"])
        #expect(!EmergingConcernVisibility.mayRead(F.cqc, concern, signatories: F.signatories))
        _ = try concern.share(add: ["CQC"], by: "NMC", signatories: F.signatories)
        #expect(EmergingConcernVisibility.mayRead(F.cqc, concern, signatories: F.signatories))
    }

    @Test("the access log is read only by those who see the concern, newest first, and only for that concern")
    func accessLog() throws {
        let concern = try F.concern(shareWith: ["NMC"])
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let log = [
            AccessLogEntry(concern: "EC-0001", userID: "u1", userName: "Reg Liaison", organisation: "GMC", kind: .viewed,
                           what: "the concern", at: start),
            AccessLogEntry(concern: "EC-0001", userID: "u2", userName: "Nurse Liaison", organisation: "NMC", kind: .exported,
                           what: "the concern as CSV", at: start.addingTimeInterval(60)),
            AccessLogEntry(concern: "EC-0002", userID: "u2", userName: "Nurse Liaison", organisation: "NMC", kind: .changed,
                           what: "shared with CQC", at: start.addingTimeInterval(120)),
        ]
        let read = AccessLogEntry.readable(log, of: concern, viewer: "NMC")
        #expect(read.map(\.line) == ["Nurse Liaison (NMC) exported the concern as CSV", "Reg Liaison (GMC) viewed the concern"])
        #expect(AccessLogEntry.readable(log, of: concern, viewer: "CQC").isEmpty)
        #expect(AccessLogEntry.readable(log, of: concern, viewer: nil).isEmpty)
    }

    @Test("who may raise a concern, and as which signatory: a liaison anywhere as its regulator, a team in its region as the quality body")
    func raisers() {
        let london = Location(region: "LDN", organisation: "RJ1")
        let list = F.signatories
        #expect(EmergingConcernVisibility.raisingSignatory(for: F.gmc, about: london, signatories: list) == "GMC")
        #expect(EmergingConcernVisibility.raisingSignatory(for: F.londonTeam, about: london, signatories: list) == "NEQB")
        #expect(EmergingConcernVisibility.raisingSignatory(for: F.northWestTeam, about: london, signatories: list) == nil)
        #expect(EmergingConcernVisibility.raisingSignatory(for: F.nationalLead, about: london, signatories: list) == "NEQB")
        #expect(EmergingConcernVisibility.raisingSignatory(for: F.provider, about: london, signatories: list) == nil)
        #expect(EmergingConcernVisibility.raisingSignatory(for: .publicVisitor, about: london, signatories: list) == nil)
    }
}

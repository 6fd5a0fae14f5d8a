import Testing
@testable import EduQualityDomain

@Suite("Emerging concerns: sharing widens, never narrows")
struct EmergingConcernSharingTests {
    typealias F = EmergingConcernFixtures

    @Test("widening adds the new signatories, with a history line and an audit event naming before and after")
    func widen() throws {
        // setup
        var concern = try F.concern(shareWith: ["NMC"])
        // MUT
        let change = try concern.share(add: ["cqc", "HCPC"], by: "NMC", signatories: F.signatories)
        // validate
        #expect(concern.sharedWith == ["NMC", "CQC", "HCPC"])
        #expect(change.lines == ["Shared with CQC, HCPC by NMC"])
        #expect(change.audit.action == "emerging-concern.share")
        #expect(change.audit.before?["sharedWith"] == "NMC")
        #expect(change.audit.after?["sharedWith"] == "CQC,HCPC,NMC")
    }

    @Test("codes already party are ignored beside new ones")
    func mixed() throws {
        var concern = try F.concern(shareWith: ["NMC"])
        let change = try concern.share(add: ["NMC", "GMC", "CQC"], by: "GMC", signatories: F.signatories)
        #expect(change.lines == ["Shared with CQC by GMC"])
        #expect(concern.sharedWith == ["NMC", "CQC"])
    }

    @Test("adding only signatories already party is refused and changes nothing")
    func nothingNew() throws {
        var concern = try F.concern(shareWith: ["NMC"])
        let before = concern
        let error = #expect(throws: InvalidForm.self) { try concern.share(add: ["NMC", "GMC"], by: "GMC", signatories: F.signatories) }
        #expect(error?.message(for: "add") == "The concern is already shared with GMC, NMC; nothing to add.")
        #expect(concern == before)
    }

    @Test("an unknown code, an empty list or a signatory outside the concern is refused, changing nothing",
          arguments: [(["XYZ"], "GMC"), ([], "GMC"), (["  "], "GMC"), (["HCPC"], "CQC")])
    func refused(add: [String], by: String) throws {
        var concern = try F.concern(shareWith: ["NMC"])
        let before = concern
        #expect(throws: InvalidForm.self) { try concern.share(add: add, by: by, signatories: F.signatories) }
        #expect(concern == before)
    }

    @Test("sharing never narrows: the raiser stays out of the share list and no widening removes anyone")
    func neverNarrows() throws {
        var concern = try F.concern(shareWith: ["NMC", "CQC"])
        var seen = concern.parties
        for code in ["HCPC", "GDC", "SWE"] {
            _ = try concern.share(add: [code], by: "GMC", signatories: F.signatories)
            #expect(concern.parties.isSuperset(of: seen))
            seen = concern.parties
        }
        #expect(!concern.sharedWith.contains("GMC"))
    }

    @Test("links to register entries and ISF decisions are recorded once")
    func links() throws {
        var concern = try F.concern()
        #expect(concern.link(registerEntry: "QR-00003")?.lines == ["Linked to register entry QR-00003"])
        #expect(concern.link(registerEntry: "QR-00003") == nil)
        #expect(concern.link(isfDecision: "ISF-7")?.audit.after == ["isfDecision": "ISF-7"])
        #expect(concern.link(isfDecision: "ISF-7") == nil)
        #expect(concern.registerEntries == ["QR-00003"] && concern.isfDecisions == ["ISF-7"])
    }
}

@Suite("Emerging concerns: notifications go to the parties only")
struct EmergingConcernNotificationTests {
    @Test("a change by one party notifies the other parties, and nobody else")
    func notified() throws {
        var concern = try EmergingConcernFixtures.concern(shareWith: ["NMC", "CQC"])
        #expect(concern.parties(except: "NMC") == ["CQC", "GMC"])
        _ = try concern.share(add: ["HCPC"], by: "NMC", signatories: EmergingConcernFixtures.signatories)
        #expect(concern.parties(except: "NMC") == ["CQC", "GMC", "HCPC"])
        #expect(!concern.parties(except: "GMC").contains("NEQB"))
    }
}

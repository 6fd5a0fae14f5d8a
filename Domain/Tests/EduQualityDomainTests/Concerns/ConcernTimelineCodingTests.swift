import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Storing a concern's timeline as JSON")
struct ConcernTimelineCodingTests {
    typealias F = ConcernFixtures

    @Test("every kind of entry survives JSON, and the concern replays from it unchanged")
    func roundTrip() throws {
        // setup: one of every entry kind
        var concern = try ConcernReporterViewTests.busyConcern()
        _ = try concern.acknowledge(by: "u", on: F.monday)
        _ = try concern.startWork(by: "u", on: F.monday)
        _ = try concern.resolve(outcome: "Done, with \"quotes\"", by: "u", on: F.monday)
        _ = try concern.reopen(by: "u", on: F.monday)
        _ = try concern.resolve(outcome: "Done", by: "u", on: F.monday)
        _ = try concern.assign(to: "u2", by: "u", on: F.monday)
        _ = try concern.assign(to: nil, by: "u", on: F.monday)
        _ = try concern.recordFeedback(rating: 3, comment: nil, on: F.monday)
        _ = try concern.close(by: "u", on: F.monday)
        _ = try concern.recordFeedback(rating: 5, comment: "Good in the end", on: F.monday)
        var confidential = F.received(F.submission(category: .patientSafety, pathway: .regionalQualityTeam))
        _ = try confidential.grantNameSharingConsent(on: F.monday)
        _ = try confidential.transfer(to: .region("SE"), reason: "Moved", by: "u", on: F.monday)
        let kinds = Set((concern.timeline + confidential.timeline).map(\.kind.name))
        #expect(kinds.count == 16, "covers every kind: \(kinds.sorted())")
        for original in [concern, confidential] {
            // MUT
            let json = try JSONEncoder().encode(original.timeline)
            let decoded = try JSONDecoder().decode([ConcernTimelineEntry].self, from: json)
            // validate
            #expect(decoded == original.timeline)
            let restored = try Concern.restore(reference: original.reference, submission: original.submission,
                                               submittedOn: original.submittedOn, timeline: decoded)
            #expect(restored == original)
        }
    }

    @Test("handling bodies read back from their stored form, and nothing else does")
    func handlingBodies() {
        for body: HandlingBody in [.organisation("RJ1", site: "RJ1-01"), .organisation("RJ1", site: nil), .guardian("RJ1"), .region("LDN")] {
            #expect(HandlingBody(concernAuditText: body.concernAuditText) == body)
        }
        for text in ["", "region:", "trust:RJ1", "organisation:/site:X", "organisation:RJ1/site:", "RJ1"] {
            #expect(HandlingBody(concernAuditText: text) == nil, "\(text)")
        }
    }

    @Test("an unknown entry type is a decoding error, not a silent skip")
    func unknownType() {
        let json = #"{"sequence":0,"day":"2026-03-02","author":"system","type":"teleported"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ConcernTimelineEntry.self, from: Data(json.utf8)) }
    }
}

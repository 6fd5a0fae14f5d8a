import Testing
@testable import EduQualityDomain

@Suite("Handler queue: filters, ordering and counts")
struct ConcernQueueTests {
    typealias F = ConcernFixtures
    static let today = F.day("2026-04-01")

    /// Five cases on one queue, each distinct in one way.
    static func queue() throws -> [Concern] {
        // Received 20 March, acknowledgement due 24 March: overdue on 1 April.
        let overdueNew = F.received(F.submission(category: .patientSafety), on: F.day("2026-03-20"), reference: "CN-AAAAA-00005")
        var oldestOnTime = F.received(on: F.day("2026-03-02"), reference: "CN-AAAAA-00001")
        _ = try oldestOnTime.acknowledge(by: "h", on: F.day("2026-03-03"))
        _ = try oldestOnTime.resolve(outcome: "Done", by: "h", on: F.day("2026-03-10"))
        var assigned = F.received(F.submission(category: .teaching), on: F.day("2026-03-30"), reference: "CN-AAAAA-00003")
        _ = try assigned.assign(to: "alice", by: "alice", on: F.day("2026-03-30"))
        _ = try assigned.addLabel("rota", by: "alice", on: F.day("2026-03-30"))
        var escalated = F.received(F.submission(pathway: .placementProvider), on: F.day("2026-03-31"), reference: "CN-AAAAA-00004")
        _ = try escalated.escalate(by: .handler(userID: "h"), on: F.day("2026-03-31"))
        var closed = F.received(on: F.day("2026-03-01"), reference: "CN-AAAAA-00002")
        _ = try closed.acknowledge(by: "h", on: F.day("2026-03-02"))
        _ = try closed.resolve(outcome: "Done", by: "h", on: F.day("2026-03-02"))
        _ = try closed.close(by: "h", on: F.day("2026-03-02"))
        return [assigned, closed, escalated, overdueNew, oldestOnTime]
    }

    static func refs(_ items: [ConcernQueueItem]) -> [String] { items.map { String($0.reference.value.suffix(1)) } }

    @Test("the default view hides closed cases and puts overdue first, then the oldest")
    func ordering() throws {
        let items = ConcernQueue.items(try Self.queue(), on: Self.today)
        #expect(Self.refs(items) == ["5", "1", "3", "4"])
        #expect(items[0].overdue == OverdueStatus(acknowledgement: true, response: false))
        #expect(items.dropFirst().allSatisfy { !$0.overdue.isOverdue })
    }

    @Test("ties on the submission day fall back to the reference, so the order is stable")
    func stableOrder() {
        let a = F.received(on: F.monday, reference: "CN-BBBBB-00002")
        let b = F.received(on: F.monday, reference: "CN-BBBBB-00001")
        #expect(ConcernQueue.items([a, b], on: F.monday).map(\.reference.value) == ["CN-BBBBB-00001", "CN-BBBBB-00002"])
    }

    @Test("each filter narrows the queue")
    func filters() throws {
        let queue = try Self.queue()
        func refs(_ filter: ConcernQueueFilter) -> [String] { Self.refs(ConcernQueue.items(queue, matching: filter, on: Self.today)) }
        #expect(refs(ConcernQueueFilter()) == ["5", "2", "1", "3", "4"])
        #expect(refs(ConcernQueueFilter(statuses: [.closed])) == ["2"])
        #expect(refs(ConcernQueueFilter(statuses: [.received, .escalated])) == ["5", "3", "4"])
        #expect(refs(ConcernQueueFilter(categories: [.patientSafety])) == ["5"])
        #expect(refs(ConcernQueueFilter(pathways: [.educationProvider])) == ["4"])
        #expect(refs(ConcernQueueFilter(overdue: true)) == ["5"])
        #expect(refs(ConcernQueueFilter(overdue: false)) == ["2", "1", "3", "4"])
        #expect(refs(ConcernQueueFilter(assignee: .assigned(to: "alice"))) == ["3"])
        #expect(refs(ConcernQueueFilter(assignee: .unassigned)) == ["5", "2", "1", "4"])
        #expect(refs(ConcernQueueFilter(label: "rota")) == ["3"])
        #expect(refs(ConcernQueueFilter(categories: [.supervision], overdue: false)) == ["2", "1", "4"])
    }

    @Test("queue rows carry the clocks and nothing of the concern's text")
    func rows() throws {
        let item = ConcernQueue.items(try Self.queue(), on: Self.today).first { $0.reference.value.hasSuffix("3") }!
        #expect(item.acknowledgeBy == F.day("2026-04-01"))
        #expect(item.respondBy == F.day("2026-04-29"))
        #expect(item.assignee == "alice")
        #expect(item.labels == ["rota"])
        #expect(!String(reflecting: item).contains("night shift"))
    }

    @Test("counts cover the whole queue by status, category and pathway")
    func counts() throws {
        let counts = ConcernQueue.counts(try Self.queue(), on: Self.today)
        #expect(counts.total == 5)
        #expect(counts.overdue == 1)
        #expect(counts.unassigned == 3, "closed cases are not waiting for anyone")
        #expect(counts.byStatus == [.received: 2, .resolved: 1, .closed: 1, .escalated: 1])
        #expect(counts.byCategory == [.patientSafety: 1, .teaching: 1, .supervision: 3])
        #expect(counts.byPathway == [.placementProvider: 4, .educationProvider: 1])
    }
}

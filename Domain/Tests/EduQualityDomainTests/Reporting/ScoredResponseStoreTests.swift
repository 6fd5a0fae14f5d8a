import Testing
@testable import EduQualityDomain

@Suite("Scored response store")
struct ScoredResponseStoreTests {
    func nationalBenchmarkN(_ store: ScoredResponseStore) throws -> Int? {
        try store.indicatorTable(ReportQuery(round: "2024", indicators: ["T"])).rows.first?.benchmark?.n
    }

    @Test("a cached benchmark is recomputed after an append to its round, while a copy taken before keeps its own")
    func cacheInvalidation() throws {
        var store = ReportingFixtures.store()
        #expect(try nationalBenchmarkN(store) == 15)  // fills the cache
        let snapshot = store
        try store.append(ReportingFixtures.record("2024", "C1", "doc", 5, nil))
        #expect(try nationalBenchmarkN(store) == 16)
        #expect(try nationalBenchmarkN(snapshot) == 15)
        #expect(snapshot.count == 24 && store.count == 25)
    }

    @Test("a response of another profession changes the doctors' benchmark check against the whole round")
    func otherProfessionInvalidates() throws {
        var store = ReportingFixtures.store()
        let query = ReportQuery(round: "2024", groupBy: .national, filters: [.profession: "doc"], indicators: ["T"])
        // 8 doctors of 15 → published.
        #expect(try store.indicatorTable(query).rows.first?.n == 8)
        // A 16th respondent who is a nurse: round 16, doctors 8 → still ≥ 3 apart, published.
        try store.append(ReportingFixtures.record("2024", "C1", "nurse", 5, nil))
        #expect(try store.indicatorTable(query).rows.first?.n == 8)
    }

    @Test("registered codes are known before any response; unknown ones are errors")
    func registration() throws {
        var store = ScoredResponseStore(scheme: ReportingFixtures.scheme)
        try store.registerRound("2025")
        try store.registerPlace(region: "R1", organisation: "A", site: "A1")
        try store.registerCode("doc", of: .profession)
        let table = try store.indicatorTable(ReportQuery(round: "2025", groupBy: .site, filters: [.profession: "doc", .site: "A1"]))
        #expect(table.rows.isEmpty)
        #expect(store.codes(of: .site) == ["A1"])
        #expect(throws: ResponseIngestError.organisationInAnotherRegion(organisation: "A", region: "R1")) {
            try store.registerPlace(region: "R2", organisation: "A")
        }
        #expect(throws: ResponseIngestError.siteWithoutOrganisation("B1")) { try store.registerPlace(region: "R1", site: "B1") }
        #expect(throws: ResponseIngestError.placeNeedsParents(.site)) { try store.registerCode("B1", of: .site) }
    }

    @Test("rounds keep their order of registration")
    func roundOrder() {
        #expect(ReportingFixtures.store().roundCodesInOrder == ["2023", "2024"])
    }
}

@testable import EduQualityDomain

/// A small, hand-checkable survey. Theme "T" has two 5-point items, t2 reverse-keyed and allowing
/// "not applicable" (m = 2, so one scored item gives a score); theme "U" has one item.
///
/// Places: region R1 = organisation A (sites A1, A2) and B (site B1); region R2 = C (site C1).
/// Round 2024 theme-T scores (t1 score 25·(r−1), t2 score 25·(r−1) reversed = 25·(5−r)):
///   A1: doc (1,5) → 0, doc (2,4) → 25, nurse (1,–) → 0
///   A2: doc (2,5) → 12.5, nurse (3,3) → 50, nurse (1,4) → 12.5
///   B1: doc (3,3) → 50, doc (4,2) → 75, nurse (3,–) → 50, nurse (3,2) → 62.5
///   C1: doc (5,1) → 100, doc (4,1) → 87.5, doc (5,2) → 87.5, nurse (4,2) → 75, nurse (5,–) → 100,
///       nurse (–,NA) → no score
/// Round 2023: eight nurses at C1 scoring 25, 50, 50, 75, 37.5, 62.5, 50, 25.
enum ReportingFixtures {
    static let scheme = try! ScoringScheme(themes: [
        Theme(code: "T", items: [ScoredItem(code: "t1"),
                                 ScoredItem(code: "t2", isReverseKeyed: true, allowsNotApplicable: true)]),
        Theme(code: "U", items: [ScoredItem(code: "u1")]),
    ])

    static func record(_ round: String, _ site: String, _ profession: String, _ t1: Int?, _ t2: Answer?) -> ResponseRecord {
        let organisation = String(site.prefix(1))
        var answers = [String: Answer]()
        if let t1 { answers["t1"] = .rank(t1) }
        if let t2 { answers["t2"] = t2 }
        return ResponseRecord(round: round, profession: profession, region: organisation == "C" ? "R2" : "R1",
                              organisation: organisation, site: site, answers: answers)
    }

    static let records2024: [ResponseRecord] = [
        record("2024", "A1", "doc", 1, .rank(5)), record("2024", "A1", "doc", 2, .rank(4)),
        record("2024", "A1", "nurse", 1, nil),
        record("2024", "A2", "doc", 2, .rank(5)), record("2024", "A2", "nurse", 3, .rank(3)),
        record("2024", "A2", "nurse", 1, .rank(4)),
        record("2024", "B1", "doc", 3, .rank(3)), record("2024", "B1", "doc", 4, .rank(2)),
        record("2024", "B1", "nurse", 3, nil), record("2024", "B1", "nurse", 3, .rank(2)),
        record("2024", "C1", "doc", 5, .rank(1)), record("2024", "C1", "doc", 4, .rank(1)),
        record("2024", "C1", "doc", 5, .rank(2)), record("2024", "C1", "nurse", 4, .rank(2)),
        record("2024", "C1", "nurse", 5, nil), record("2024", "C1", "nurse", nil, .notApplicable),
    ]

    static let records2023: [ResponseRecord] = [
        record("2023", "C1", "nurse", 2, nil), record("2023", "C1", "nurse", 3, nil),
        record("2023", "C1", "nurse", 3, nil), record("2023", "C1", "nurse", 4, nil),
        record("2023", "C1", "nurse", 2, .rank(3)), record("2023", "C1", "nurse", 3, .rank(2)),
        record("2023", "C1", "nurse", 3, nil), record("2023", "C1", "nurse", 2, nil),
    ]

    static func store() -> ScoredResponseStore {
        var store = ScoredResponseStore(scheme: scheme)
        try! store.registerRound("2023")
        try! store.append(contentsOf: records2023 + records2024)
        return store
    }

    static func close(_ a: Double?, _ b: Double, relative: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= relative * max(1, abs(b))
    }
}

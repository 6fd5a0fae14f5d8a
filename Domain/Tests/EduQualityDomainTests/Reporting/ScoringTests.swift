import Testing
@testable import EduQualityDomain

@Suite("Reporting scoring")
struct ScoringTests {
    @Test("a 5-point item scores 0, 25, 50, 75, 100; reverse-keyed items the other way round")
    func fivePoint() {
        let item = ScoredItem(code: "q1")
        let reversed = ScoredItem(code: "q2", isReverseKeyed: true)
        // 100·(r−1)/4 and 100·(5−r)/4
        #expect((1...5).map { item.score(.rank($0)) } == [0, 25, 50, 75, 100])
        #expect((1...5).map { reversed.score(.rank($0)) } == [100, 75, 50, 25, 0])
    }

    @Test("other scale lengths: 7 points step by 100/6, 2 points are 0 or 100")
    func otherScales() {
        let seven = ScoredItem(code: "q", scalePoints: 7)
        #expect(seven.score(.rank(3)) == 100.0 * 2 / 6)  // 33.33…
        #expect(ScoredItem(code: "q", scalePoints: 7, isReverseKeyed: true).score(.rank(3)) == 100.0 * 4 / 6)
        #expect(ScoredItem(code: "q", scalePoints: 2).score(.rank(2)) == 100)
    }

    @Test("not applicable and unanswered have no score")
    func excluded() {
        let item = ScoredItem(code: "q", allowsNotApplicable: true)
        #expect(item.score(.notApplicable) == nil)
        #expect(item.score(.unanswered) == nil)
    }

    @Test("positive answers are the top two ranks after reverse keying")
    func positive() {
        #expect((1...5).map { ScoredItem(code: "q").isPositive(rank: $0) } == [false, false, false, true, true])
        #expect((1...5).map { ScoredItem(code: "q", isReverseKeyed: true).isPositive(rank: $0) }
                == [true, true, false, false, false])
    }

    @Test("at least half the items, rounded up, must be scored", arguments: [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (8, 4)])
    func halfRoundedUp(m: Int, required: Int) {
        #expect(MinimumScoredItems.halfRoundedUp.required(outOf: m) == required)
    }

    @Test("the minimum is configurable: two thirds of 4 items is ⌈8/3⌉ = 3")
    func configurableMinimum() {
        #expect(MinimumScoredItems(numerator: 2, denominator: 3).required(outOf: 4) == 3)
        #expect(MinimumScoredItems(numerator: 0, denominator: 1).required(outOf: 4) == 1)
    }

    /// A theme of five items, two of them only for nurses (a profession-specific branch):
    /// doctors see m = 3 (need 2 scored), nurses see m = 5 (need 3 scored).
    static let theme = Theme(code: "supervision", items: [
        ScoredItem(code: "s1"),
        ScoredItem(code: "s2", isReverseKeyed: true),
        ScoredItem(code: "s3", allowsNotApplicable: true),
        ScoredItem(code: "n1", professions: ["nurse"]),
        ScoredItem(code: "n2", professions: ["nurse"]),
    ])
    static let scheme = try! ScoringScheme(themes: [theme])

    @Test("respondent score: the mean of scored shown items, when ⌈m/2⌉ of them were scored")
    func respondentScores() {
        let scheme = Self.scheme, theme = Self.theme
        // Doctor, s1 = 4 (75), s2 = 2 reversed (75), s3 NA: 2 of 3 scored ≥ 2 → (75 + 75)/2 = 75.
        #expect(scheme.respondentScore(theme: theme, profession: "doctor",
                                       answers: ["s1": .rank(4), "s2": .rank(2), "s3": .notApplicable]) == 75)
        // Doctor with only s1 = 5: 1 of 3 < 2 → no score.
        #expect(scheme.respondentScore(theme: theme, profession: "doctor", answers: ["s1": .rank(5)]) == nil)
        // A doctor's answers to nurse-only items do not count: still 1 of 3 scored.
        #expect(scheme.respondentScore(theme: theme, profession: "doctor",
                                       answers: ["s1": .rank(5), "n1": .rank(5), "n2": .rank(5)]) == nil)
        // Nurse with s1 = 5 (100), s2 = 2 (75): 2 of 5 < 3 → no score …
        #expect(scheme.respondentScore(theme: theme, profession: "nurse", answers: ["s1": .rank(5), "s2": .rank(2)]) == nil)
        // … and with n1 = 1 (0) as well: 3 of 5 → (100 + 75 + 0)/3 = 58.33…
        #expect(scheme.respondentScore(theme: theme, profession: "nurse",
                                       answers: ["s1": .rank(5), "s2": .rank(2), "n1": .rank(1)]) == 175.0 / 3)
    }

    @Test("the store scores responses exactly as the scheme does and keeps % positive counts")
    func storeScoresLikeScheme() throws {
        var store = ScoredResponseStore(scheme: Self.scheme)
        let answers: [String: Answer] = ["s1": .rank(5), "s2": .rank(2), "n1": .rank(1), "s3": .notApplicable]
        try store.append(ResponseRecord(round: "2024", profession: "nurse", region: "R", organisation: "O", answers: answers))
        let columns = store.rounds[0]
        #expect(columns.score(ofRow: 0, theme: 0) == Self.scheme.respondentScore(theme: Self.theme, profession: "nurse", answers: answers))
        // s1 = 5 and s2 = 2 (reversed: 4) are in the top two; n1 = 1 is not: 2 positive of 3 scored.
        #expect(columns.positiveAnswers[0] == 2)
        #expect(columns.scoredAnswers[0] == 3)
        #expect(columns.answers[2][0] == RoundColumns.notApplicable)
    }

    @Test("invalid answers and contradictory places are refused and leave the store unchanged")
    func ingestErrors() throws {
        var store = ScoredResponseStore(scheme: Self.scheme)
        func record(_ answers: [String: Answer], organisation: String = "O", region: String = "R", site: String? = nil) -> ResponseRecord {
            ResponseRecord(round: "2024", profession: "nurse", region: region, organisation: organisation, site: site, answers: answers)
        }
        #expect(throws: ResponseIngestError.unknownItem("zz")) { try store.append(record(["zz": .rank(1)])) }
        #expect(throws: ResponseIngestError.rankOutOfScale(item: "s1", rank: 6, scalePoints: 5)) {
            try store.append(record(["s1": .rank(6)]))
        }
        #expect(throws: ResponseIngestError.notApplicableNotAllowed(item: "s1")) {
            try store.append(record(["s1": .notApplicable]))
        }
        try store.append(record(["s1": .rank(1)], site: "S1"))
        #expect(throws: ResponseIngestError.organisationInAnotherRegion(organisation: "O", region: "R")) {
            try store.append(record([:], region: "R2"))
        }
        #expect(throws: ResponseIngestError.siteInAnotherOrganisation(site: "S1", organisation: "O")) {
            try store.append(record([:], organisation: "O2", site: "S1"))
        }
        #expect(store.count == 1)
        #expect(store.codes(of: .region) == ["R"])
        #expect(store.codes(of: .organisation) == ["O"])
    }

    @Test("schemes with duplicate codes or impossible scales are refused")
    func schemeErrors() {
        #expect(throws: ScoringSchemeError.duplicateItem("a")) {
            try ScoringScheme(themes: [Theme(code: "t", items: [ScoredItem(code: "a"), ScoredItem(code: "a")])])
        }
        #expect(throws: ScoringSchemeError.invalidScale(item: "a", points: 1)) {
            try ScoringScheme(themes: [Theme(code: "t", items: [ScoredItem(code: "a", scalePoints: 1)])])
        }
        #expect(throws: ScoringSchemeError.emptyTheme("t")) { try ScoringScheme(themes: [Theme(code: "t", items: [])]) }
    }
}

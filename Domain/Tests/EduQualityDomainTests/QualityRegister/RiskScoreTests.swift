import Testing
@testable import EduQualityDomain

@Suite("The 5 × 5 risk score and its bands")
struct RiskScoreTests {
    @Test("every cell of the matrix scores likelihood × impact and falls in the default band")
    func everyCell() {
        for l in 1...5 {
            for i in 1...5 {
                let risk = RiskScore(likelihood: l, impact: i)!
                #expect(risk.score == l * i)
                let expected = switch l * i {
                case 1...3: "low"
                case 4...6: "moderate"
                case 8...12: "high"
                default: "extreme"
                }
                #expect(RiskBands.standard.band(for: risk).code == expected)
            }
        }
        #expect(RiskScore.possibleScores == [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25])
    }

    @Test("likelihood or impact outside 1–5 is not a score", arguments: [(0, 3), (6, 3), (3, 0), (3, 6), (-1, -1)])
    func outside(l: Int, i: Int) {
        #expect(RiskScore(likelihood: l, impact: i) == nil)
    }

    @Test("configured bands must cover every possible score once, in order")
    func configuredBands() throws {
        let two = try RiskBands([RiskBand(code: "lower", name: "Lower", lowest: 1, highest: 9),
                                 RiskBand(code: "upper", name: "Upper", lowest: 10, highest: 25)])
        #expect(two.band(for: 9).code == "lower")
        #expect(two.band(for: 10).code == "upper")
        // 7 is not a possible score, so a gap there is fine; 8 is.
        #expect(throws: RiskBands.Invalid.self) {
            try RiskBands([RiskBand(code: "a", name: "A", lowest: 1, highest: 6),
                           RiskBand(code: "b", name: "B", lowest: 9, highest: 25)])
        }
        #expect(throws: RiskBands.Invalid.self) {
            try RiskBands([RiskBand(code: "a", name: "A", lowest: 1, highest: 12),
                           RiskBand(code: "b", name: "B", lowest: 10, highest: 25)])
        }
        #expect(throws: RiskBands.Invalid.self) { try RiskBands([]) }
        #expect(throws: RiskBands.Invalid.self) {
            try RiskBands([RiskBand(code: "a", name: "A", lowest: 1, highest: 12),
                           RiskBand(code: "a", name: "B", lowest: 13, highest: 25)])
        }
    }

    @Test("the matrix counts entries per cell")
    func matrix() {
        let entries = [RegisterFixtures.entry(likelihood: 4, impact: 3), RegisterFixtures.entry(likelihood: 4, impact: 3),
                       RegisterFixtures.entry(likelihood: 1, impact: 5)]
        let matrix = RiskMatrix(entries)
        #expect(matrix.count(likelihood: 4, impact: 3) == 2)
        #expect(matrix.count(likelihood: 1, impact: 5) == 1)
        #expect(matrix.count(likelihood: 5, impact: 5) == 0)
        #expect(matrix.total == 3)
    }
}

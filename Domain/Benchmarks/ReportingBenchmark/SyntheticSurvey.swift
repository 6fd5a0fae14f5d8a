import EduQualityDomain
import Foundation

/// SplitMix64: deterministic, so every run measures the same data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func normal(sd: Double) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self), v = Double.random(in: 0..<1, using: &self)
        return sd * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// An index drawn with the given cumulative weights.
    mutating func pick(_ cumulative: [Double]) -> Int {
        let x = Double.random(in: 0..<cumulative.last!, using: &self)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// A national survey shaped like the real one: 7 regions, ~200 organisations with ~3 sites each,
/// 20 professions (skewed), 30 specialties, 4 placement types, 5 levels, 5 themes of 5–8 items.
/// Organisations, sites and professions have their own effects (per theme for organisations), so
/// that some groups sit well outside their benchmark and every flag colour appears.
struct SyntheticSurvey {
    static let roundCount = 10
    static let regionCount = 7, organisationCount = 200, professionCount = 20, specialtyCount = 30
    static let placementTypes = ["hospital", "community", "primary-care", "mental-health"]
    static let levels = ["year-1", "year-2", "year-3", "foundation", "specialty"]

    let scheme: ScoringScheme
    let rounds: [String]
    let regions: [String]
    let organisations: [(code: String, region: Int, sites: [String])]
    let professions: [String]
    let specialties: [String]
    private let professionWeights: [Double]
    private let organisationWeights: [Double]
    private let organisationEffects: [[Double]]  // [organisation][theme]
    private let siteEffects: [[Double]]
    private let professionEffects: [Double]
    private var rng: SplitMix64

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        rounds = (0..<Self.roundCount).map { String(2015 + $0) }
        regions = (1...Self.regionCount).map { "REG\($0)" }
        professions = (1...Self.professionCount).map { String(format: "PROF%02d", $0) }
        specialties = (1...Self.specialtyCount).map { String(format: "SPEC%02d", $0) }
        var organisations = [(code: String, region: Int, sites: [String])]()
        for o in 1...Self.organisationCount {
            let siteCount = [2, 3, 3, 4][o % 4]
            organisations.append((String(format: "ORG%03d", o), o % Self.regionCount,
                                  (1...siteCount).map { String(format: "ORG%03d-S%d", o, $0) }))
        }
        self.organisations = organisations
        // Zipf-like profession mix (doctors in training and student nurses dominate).
        professionWeights = Self.cumulative((1...Self.professionCount).map { 1 / Double($0) })
        // Sizes vary widely (log-normal), so small organisations with wide CIs exist too.
        organisationWeights = Self.cumulative((0..<Self.organisationCount).map { _ in exp(rng.normal(sd: 1.5)) })
        organisationEffects = (0..<Self.organisationCount).map { _ in
            let overall = rng.normal(sd: 0.45)
            return (0..<5).map { _ in overall + rng.normal(sd: 0.2) }
        }
        siteEffects = organisations.map { $0.sites.map { _ in rng.normal(sd: 0.15) } }
        professionEffects = (0..<Self.professionCount).map { _ in rng.normal(sd: 0.2) }
        scheme = try! ScoringScheme(themes: [
            Self.theme("induction", 5, reversed: [3], notApplicable: [4]),
            Self.theme("supervision", 8, reversed: [2], notApplicable: [], professionSpecific: [6: ["PROF01", "PROF02"], 7: ["PROF03"]]),
            Self.theme("facilities", 6, reversed: [], notApplicable: [5]),
            Self.theme("learning", 7, reversed: [5], notApplicable: [6]),
            Self.theme("teamwork", 6, reversed: [1], notApplicable: []),
        ])
        self.rng = rng
    }

    static func theme(_ code: String, _ count: Int, reversed: Set<Int>, notApplicable: Set<Int>,
                      professionSpecific: [Int: Set<String>] = [:]) -> Theme {
        Theme(code: code, items: (0..<count).map { i in
            ScoredItem(code: "\(code)-\(i + 1)", isReverseKeyed: reversed.contains(i),
                       allowsNotApplicable: notApplicable.contains(i), professions: professionSpecific[i])
        })
    }

    static func cumulative(_ weights: [Double]) -> [Double] {
        var sum = 0.0
        return weights.map { sum += $0; return sum }
    }

    mutating func response(round: String) -> ResponseRecord {
        let o = rng.pick(organisationWeights)
        let organisation = organisations[o]
        let s = Int.random(in: 0..<organisation.sites.count, using: &rng)
        let p = rng.pick(professionWeights)
        let person = rng.normal(sd: 0.55) + siteEffects[o][s] + professionEffects[p]
        var answers = [String: Answer]()
        for (t, theme) in scheme.themes.enumerated() {
            let level = 3.55 + person + organisationEffects[o][t]
            for item in theme.items {
                let roll = Double.random(in: 0..<1, using: &rng)
                if roll < 0.04 { continue }
                if item.allowsNotApplicable && roll < 0.10 { answers[item.code] = .notApplicable; continue }
                let rank = min(5, max(1, Int((level + rng.normal(sd: 0.75)).rounded())))
                answers[item.code] = .rank(item.isReverseKeyed ? 6 - rank : rank)
            }
        }
        return ResponseRecord(
            round: round, profession: professions[p], region: regions[organisation.region],
            organisation: organisation.code,
            site: Double.random(in: 0..<1, using: &rng) < 0.03 ? nil : organisation.sites[s],
            specialty: Double.random(in: 0..<1, using: &rng) < 0.15 ? nil : specialties[Int.random(in: 0..<Self.specialtyCount, using: &rng)],
            placementType: Self.placementTypes[Int.random(in: 0..<Self.placementTypes.count, using: &rng)],
            level: Double.random(in: 0..<1, using: &rng) < 0.05 ? nil : Self.levels[Int.random(in: 0..<Self.levels.count, using: &rng)],
            answers: answers)
    }
}

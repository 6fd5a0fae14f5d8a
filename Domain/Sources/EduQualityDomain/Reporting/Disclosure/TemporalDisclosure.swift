/// Disclosure control over time: a round's figures come from frozen versions (`RoundVersion`),
/// and a new version may not move any figure that someone could have seen by 1 to threshold−1
/// respondents, or (n × mean after) − (n × mean before) gives those learners' scores away.
///
/// The rule is applied to the responses a new version adds, not to the tables: for every
/// population a report can describe — each dimension at a code, at "not stated", or dropped,
/// places also widened (site → organisation → region → everyone; rows without a site form an
/// organisation's "no site" group) — and every measure (each theme's scored respondents, each
/// item's answerers), the number of added respondents in it must be 0 or ≥ threshold. Every cell,
/// benchmark and "not stated" remainder is such a population, and so any sum of them changes by 0
/// or ≥ threshold too. Added responses in a population that breaks the rule are held back (they
/// wait for the next version), until every population holds; with no earlier version there is
/// nothing to compare with and every response is admitted.
public enum TemporalDisclosure {
    /// Which of the waiting responses the next version may add (`true`: admitted).
    public static func admitted(_ waiting: [ResponseRecord], scheme: ScoringScheme, hasEarlierVersion: Bool,
                                threshold: DisclosureThreshold) -> [Bool] {
        guard hasEarlierVersion, !waiting.isEmpty else { return Array(repeating: true, count: waiting.count) }
        let measures = waiting.map { countedMeasures($0, scheme: scheme) }
        let keys = waiting.map(populationKeys)
        var counts = [PopulationKey: [Int: Int]]()
        for (r, rowKeys) in keys.enumerated() {
            for key in rowKeys { for m in measures[r] { counts[key, default: [:]][m, default: 0] += 1 } }
        }
        var admitted = Array(repeating: true, count: waiting.count)
        while true {
            var holdBack = [Int]()
            for r in waiting.indices where admitted[r] {
                let breaks = keys[r].contains { key in
                    measures[r].contains { m in
                        let n = counts[key]![m]!
                        return !threshold.allowsDifference(n)
                    }
                }
                if breaks { holdBack.append(r) }
            }
            if holdBack.isEmpty { return admitted }
            for r in holdBack {
                admitted[r] = false
                for key in keys[r] { for m in measures[r] { counts[key]![m]! -= 1 } }
            }
        }
    }

    /// A population: the place at one level of its ladder, and each other dimension at a code,
    /// at "not stated" (nil) or dropped.
    struct PopulationKey: Hashable {
        enum Place: Hashable {
            case site(String), noSite(organisation: String), organisation(String), region(String), everyone
        }
        enum Code: Hashable { case code(String?), dropped }
        let place: Place
        let profession: Code, specialty: Code, placementType: Code, level: Code
    }

    /// The 4 × 2⁴ populations a response belongs to.
    static func populationKeys(_ record: ResponseRecord) -> [PopulationKey] {
        let places: [PopulationKey.Place] = [
            record.site.map { .site($0) } ?? .noSite(organisation: record.organisation),
            .organisation(record.organisation), .region(record.region), .everyone,
        ]
        let codes: [String?] = [record.profession, record.specialty, record.placementType, record.level]
        var keys = [PopulationKey]()
        keys.reserveCapacity(places.count << codes.count)
        for place in places {
            for mask in 0..<(1 << codes.count) {
                func code(_ i: Int) -> PopulationKey.Code { mask & (1 << i) != 0 ? .dropped : .code(codes[i]) }
                keys.append(PopulationKey(place: place, profession: code(0), specialty: code(1),
                                          placementType: code(2), level: code(3)))
            }
        }
        return keys
    }

    /// The measures a response counts in: theme t (its index) when it has a score for it, and
    /// item i (themes.count + its index) when it answered it with a rank or "not applicable".
    static func countedMeasures(_ record: ResponseRecord, scheme: ScoringScheme) -> [Int] {
        var measures = [Int]()
        for (t, theme) in scheme.themes.enumerated()
        where scheme.respondentScore(theme: theme, profession: record.profession, answers: record.answers) != nil {
            measures.append(t)
        }
        for (i, item) in scheme.items.enumerated() where item.isShown(to: record.profession) {
            switch record.answers[item.code] ?? .unanswered {
            case .rank, .notApplicable: measures.append(scheme.themes.count + i)
            case .unanswered: break
            }
        }
        return measures
    }
}

import EduQualityDomain
import Fluent
import Foundation

/// Demo survey data: two past rounds and the current one on the shipped questionnaire, with
/// synthetic responses (real differences between organisations, so reports show red and green
/// flags). Rounds that already have responses are left alone.
struct SurveyDemoSeeder {
    let db: any Database
    let catalog: SurveyCatalog
    let keywords: CommentKeywords
    /// 1 for the demo; tests use a fraction of it.
    var scale: Double = 1

    struct DemoRound {
        let code: String
        let opens: CalendarDay
        let closes: CalendarDay
        let responses: Int
    }

    /// Rounds relative to today: this year's is open, the two before closed.
    static func rounds(today: CalendarDay) -> [DemoRound] {
        let current = DemoRound(code: "NETS-\(today.year)", opens: today.adding(days: -60), closes: today.adding(days: 30),
                                responses: 7_000)
        return [
            DemoRound(code: "NETS-\(today.year - 2)", opens: today.adding(days: -790), closes: today.adding(days: -730), responses: 8_500),
            DemoRound(code: "NETS-\(today.year - 1)", opens: today.adding(days: -425), closes: today.adding(days: -365), responses: 8_500),
            current,
        ]
    }

    func seed(today: CalendarDay = .today()) async throws -> Int {
        guard let questionnaire = try await QuestionnaireRecord.query(on: db).sort(\.$code, .descending).first()
            .flatMap({ try? Questionnaire.decode(json: Data($0.fileJSON.utf8)) }) else { return 0 }
        let admin = SurveyAdministration(db: db, cache: catalog.cache, actor: "system:demo")
        let orgs = try await Organisation.query(on: db).all()
            .filter { OrganisationType(rawValue: $0.type)?.hostsPlacements == true }
        let sites = Dictionary(grouping: try await Site.query(on: db).all(), by: \.organisationCode)
        let specialties = try await Term.query(on: db).filter(\.$vocabulary == Vocabulary.specialty.rawValue).all().map(\.code)
        let population = SyntheticPopulation.standard(
            organisations: orgs.map { o in
                SyntheticOrganisation(code: o.code, region: o.regionCode, sites: (sites[o.code] ?? []).map(\.code),
                                      relativeSize: o.type == OrganisationType.nhsTrust.rawValue ? 3 : 1)
            },
            specialties: specialties)
        let generator = SyntheticResponseGenerator(questionnaire: questionnaire, population: population, seed: 2026)
        let regions = Dictionary(uniqueKeysWithValues: orgs.map { ($0.code, $0.regionCode) })
        let store = SurveyResponseStore(db: db, keywords: keywords)
        var total = 0
        for demo in Self.rounds(today: today) {
            if try await catalog.roundRecord(demo.code) == nil {
                try await admin.createRound(.init(code: demo.code, opens: demo.opens.iso, closes: demo.closes.iso,
                                                  questionnaire: questionnaire.version))
            }
            guard let round = try await catalog.round(demo.code),
                  try await SurveyResponseRecord.query(on: db).filter(\.$roundCode == round.code.rawValue).count() == 0 else { continue }
            let responses = generator.responses(count: Int(Double(demo.responses) * scale), in: round, lastDay: min(today, round.closes), idPrefix: "demo")
            let rows = responses.enumerated().map { i, r in
                SurveyResponseStore.Row(response: r, region: regions[r.placement.organisation] ?? "", key: r.responseID ?? "demo-\(i)")
            }
            for start in stride(from: 0, to: rows.count, by: 5_000) {
                let chunk = Array(rows[start..<min(start + 5_000, rows.count)])
                total += try await db.writeTransaction { tx in
                    try await store.insert(chunk, questionnaire: questionnaire, source: "demo", on: tx)
                }
            }
        }
        return total
    }
}

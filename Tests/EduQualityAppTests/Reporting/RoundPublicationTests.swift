import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// A round's figures are public only once it has closed and a national lead has published it,
/// frozen from then on; no re-publication moves a figure anyone could have seen by 1 to
/// threshold−1 respondents.
@Suite("Round publication")
struct RoundPublicationTests {
    static func openRound(_ app: Application) async throws -> String {
        try await app.surveyCatalog.allRounds().map(\.round).first { $0.state(on: .today()) == .open }!.code.rawValue
    }

    @Test("an open round shows no figure to anyone, staff included; the tool opens on the latest published round")
    func openRoundIsNotPublic() async throws {
        try await withReportingApp(.sqlite, scale: 0.02) { app, published in
            try await TestAccounts.createAll(on: app)
            let open = try await Self.openRound(app)
            #expect(open != published)
            #expect(try await SurveyResponseRecord.query(on: app.db).filter(\.$roundCode == open).count() > 0)
            for role in [nil, Role.learner, .regionalQualityTeam, .nationalQualityLead, .administrator] {
                let b = if let role { try await TestAccounts.browser(app, as: role) } else { TestBrowser(app) }
                // the API answers, with no rows, and says the round is not published
                for path in ["/api/v1/reports/indicators?round=\(open)&groupBy=region", "/api/v1/reports/items?round=\(open)"] {
                    let res = try await b.get(path)
                    #expect(res.status == .ok, "\(String(describing: role)) \(path)")
                    #expect(res.body.string.contains("\"published\":false") && res.body.string.contains("\"rows\":[]"))
                }
                let trends = try await b.get("/api/v1/reports/trends?rounds=\(published),\(open)").body.string
                #expect(trends.contains("\"unpublishedRounds\":[\"\(open)\"]") && trends.contains("\"rounds\":[\"\(published)\"]"))
                // the pages and exports say there is nothing published
                for path in ["/reports?round=\(open)", "/reports/export.csv?round=\(open)", "/reports/regions/LDN?round=\(open)"] {
                    #expect(try await b.get(path).status == .notFound, "\(String(describing: role)) \(path)")
                }
                let tool = try await b.get("/reports")
                #expect(tool.status == .ok)
                #expect(tool.body.string.contains("<option value=\"\(published)\" selected"), "opens on the latest published round")
                #expect(!tool.body.string.contains(">\(open)<"), "the open round is not offered")
            }
            let publishedAnswer = try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=\(published)&groupBy=region")
            #expect(publishedAnswer.body.string.contains("\"published\":true"))
        }
    }

    @Test("a round stored by another process a moment ago is known to the reports API at once")
    func roundFromAnotherProcess() async throws {
        try await withReportingApp(.sqlite, scale: 0.02) { app, _ in
            try await SurveyAdministration(db: app.db, cache: QuestionnaireCache(), actor: "system:command-line")
                .createRound(.init(code: "NETS-2040", opens: "2040-09-01", closes: "2040-11-30", questionnaire: "core-2026"))
            let res = try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=NETS-2040&groupBy=organisation")
            #expect(res.status == .ok)
            #expect(res.body.string.contains("\"published\":false"))
            let unknown = try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=NETS-2041&groupBy=organisation")
            #expect(unknown.status == .badRequest)
            let badCode = try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=NETS-2040&organisation=NOPE")
            #expect(badCode.status == .badRequest, "codes are checked for an unpublished round too")
        }
    }

    @Test("the rounds API says which rounds are published")
    func roundsAPI() async throws {
        try await withReportingApp(.sqlite, scale: 0.02) { app, published in
            struct Round: Decodable { let code: String; let published: Bool; let publishedOn: String? }
            let res = try await app.testing().sendRequest(.GET, "/api/v1/survey/rounds")
            let rounds = try JSONDecoder().decode([Round].self, from: Data(res.body.string.utf8))
            #expect(rounds.count == 3)
            #expect(rounds.first { $0.code == published }?.published == true)
            #expect(rounds.first { $0.code == published }?.publishedOn == CalendarDay.today().iso)
            let open = try await Self.openRound(app)
            #expect(rounds.first { $0.code == open }?.published == false)
        }
    }

    @Test("publishing: a national lead, a closed round, audited; refused while open and to anyone else", arguments: TestDatabase.all)
    func publishing(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: demo rounds, none published
            _ = try await SurveyDemoSeeder(db: app.db, catalog: app.surveyCatalog, keywords: app.commentKeywords, scale: 0.01).seed()
            try await TestAccounts.createAll(on: app)
            try await app.startServices()
            let rounds = try await app.surveyCatalog.allRounds().map(\.round)
            let closed = rounds.first { $0.state(on: .today()) == .closed }!.code.rawValue
            let open = rounds.first { $0.state(on: .today()) == .open }!.code.rawValue
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=\(closed)&groupBy=region").body.string
                    .contains("\"published\":false"), "closed but unpublished")
            // MUT: everyone but a national lead is refused
            for role in [Role.administrator, .regionalQualityTeam, .providerEducationLead] {
                let b = try await TestAccounts.browser(app, as: role)
                #expect(try await b.post("/admin/survey/rounds/\(closed)/publish", form: [:]).status == .forbidden, "\(role)")
            }
            let lead = try await TestAccounts.browser(app, as: .nationalQualityLead)
            let refused = try await lead.post("/admin/survey/rounds/\(open)/publish", form: [:])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("is open until"))
            let done = try await lead.post("/admin/survey/rounds/\(closed)/publish", form: [:])
            #expect(done.status == .ok)
            #expect(done.body.string.contains("Round \(closed) published (version 1)"))
            let again = try await lead.post("/admin/survey/rounds/\(closed)/publish", form: [:])
            #expect(again.status == .conflict, "nothing new since")
            // validate
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "survey-round.publish").all()
            #expect(audit.map(\.entityID) == [closed])
            #expect(audit.first?.actor == TestAccounts.email(.nationalQualityLead))
            #expect(try await SurveyRoundVersionRecord.query(on: app.db).filter(\.$roundCode == open).count() == 0)
            try await app.reportEngine!.refresh(db: app.db, catalog: app.surveyCatalog)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=\(closed)&groupBy=region").status == .ok)
            let (verified, _) = try await AuditLog.verify(on: app.db)
            #expect(verified == nil)
        }
    }

    @Test("the command publishes a closed round and refuses an open one")
    func command() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SurveyDemoSeeder(db: app.db, catalog: app.surveyCatalog, keywords: app.commentKeywords, scale: 0.01).seed()
            let rounds = try await app.surveyCatalog.allRounds().map(\.round)
            let closed = rounds.first { $0.state(on: .today()) == .closed }!.code.rawValue
            let open = rounds.first { $0.state(on: .today()) == .open }!.code.rawValue
            app.environment.arguments = ["eduquality", "rounds", "publish", open]
            await #expect(throws: CommandFailed.self) { try await app.execute() }
            app.environment.arguments = ["eduquality", "rounds", "publish", closed]
            try await app.execute()
            let publication = try await SurveyRoundVersionRecord.query(on: app.db).filter(\.$roundCode == closed).all()
            #expect(publication.map(\.number) == [1])
            #expect(publication.first?.madeBy == "system:command-line")
        }
    }

    /// Every figure of a fixed set of queries on a round, as the public sees them (through the
    /// round's history once it is published again), by query, group and measure: the n of the
    /// published ones.
    static func figures(_ access: ReportAccess, round: String) throws -> [String: Int] {
        var figures = [String: Int]()
        let professions = access.store.codes(of: .profession).prefix(2).map { [ReportDimension.profession: $0] }
        for filters in [[:]] + professions {
            for groupBy in ReportDimension.allCases {
                let query = ReportQuery(round: round, groupBy: groupBy, filters: filters)
                let name = "\(groupBy.rawValue) \(filters.values.sorted())"
                for row in try access.indicatorTable(query).rows {
                    if let n = row.n { figures["\(name) \(row.group) \(row.indicator)"] = n }
                    if let b = row.benchmark { figures["benchmark \(filters.values.sorted()) \(row.indicator)"] = b.n }
                }
                for row in try access.itemDistributions(query).rows where row.n != nil {
                    figures["\(name) \(row.group) \(row.item)"] = row.n!
                }
            }
        }
        return figures
    }

    static func access(_ app: Application) -> ReportAccess {
        let (store, rounds, histories) = app.reportEngine!.snapshot
        return ReportAccess(store: store, rounds: rounds, histories: histories)
    }

    /// Adds `copies` identical responses (one learner's answers) to a round, straight into the database.
    static func addResponses(_ app: Application, round code: String, copies: Int, seed: UInt64) async throws {
        let round = try await app.surveyCatalog.round(code)!
        let q = try await app.surveyCatalog.questionnaire(for: round)!
        let orgs = try await Organisation.query(on: app.db).filter(\.$type == "nhs-trust").all()
        let generator = SyntheticResponseGenerator(
            questionnaire: q,
            population: .standard(organisations: orgs.map { SyntheticOrganisation(code: $0.code, region: $0.regionCode, sites: []) },
                                  specialties: ["general-surgery"]),
            seed: seed)
        let response = generator.responses(count: 1, in: round, lastDay: min(round.closes, .today()), idPrefix: "late")[0]
        let region = orgs.first { $0.code == response.placement.organisation }!.regionCode
        let rows = (0..<copies).map { SurveyResponseStore.Row(response: response, region: region, key: "late-\(seed)-\($0)") }
        try await SurveyResponseStore(db: app.db, keywords: app.commentKeywords).insert(rows, questionnaire: q, source: "import")
    }

    @Test("one more response to an open round or a published one moves no figure anyone can see", arguments: [3, 10])
    func temporal(threshold: Int) async throws {
        try await withReportingApp(.sqlite, threshold: threshold, scale: 0.02) { app, published in
            let engine = app.reportEngine!
            let open = try await Self.openRound(app)
            let versions = app.roundVersions(actor: "system:test")
            let before = try Self.figures(Self.access(app), round: published)
            #expect(before.count > 100)
            // MUT: one learner more in each round
            try await Self.addResponses(app, round: open, copies: 1, seed: 1)
            try await Self.addResponses(app, round: published, copies: 1, seed: 2)
            await #expect(throws: AppError.self, "one late response is too few to publish again") {
                try await versions.publish(published)
            }
            try await engine.refresh(db: app.db, catalog: app.surveyCatalog)
            // validate: nothing moved, and the open round still shows nothing
            #expect(try Self.figures(Self.access(app), round: published) == before)
            #expect(throws: AppError.self) { try Self.access(app).check(open) }

            // MUT: more late learners, threshold of them alike, and a re-publication
            try await Self.addResponses(app, round: published, copies: threshold, seed: 4)
            let republished = try await versions.publish(published)
            try await engine.refresh(db: app.db, catalog: app.surveyCatalog)
            // validate: every figure published both times moved by 0 or ≥ threshold
            #expect(republished.version.number == 2 && republished.version.responses == threshold + 1)
            let after = try Self.figures(Self.access(app), round: published)
            let t = DisclosureThreshold(threshold)!
            var compared = 0
            for (key, n) in after {
                guard let earlier = before[key] else { continue }
                compared += 1
                #expect(t.allowsDifference(n - earlier), "\(key): \(earlier) → \(n)")
            }
            #expect(compared > 20, "figures the late learners are not in stay published")
            // and the API answers through the same history
            let national = try await app.testing().sendRequest(.GET, "/api/v1/reports/indicators?round=\(published)&groupBy=national")
            let answer = try JSONDecoder().decode(IndicatorAnswer.self, from: Data(national.body.string.utf8))
            for row in answer.rows {
                if let n = row.n, let earlier = before["national [] national \(row.indicator)"] {
                    #expect(t.allowsDifference(n - earlier))
                }
            }
        }
    }
}

import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Starts a test app with demo survey data (a fraction of the demo's size, the past rounds
/// published) and the reporting engine; passes the latest published round.
func withReportingApp<T>(_ db: TestDatabase, threshold: Int = 3, scale: Double = 0.1,
                         _ body: (Application, String) async throws -> T) async throws -> T {
    try await withTestApp(db, threshold: threshold) { app in
        _ = try await SurveyDemoSeeder(db: app.db, catalog: app.surveyCatalog, keywords: app.commentKeywords, scale: scale).seed()
        try await DemoSeeder.publishDemoRounds(app)
        try await app.startServices()
        let round = app.reportEngine!.snapshot.rounds.last!
        return try await body(app, round)
    }
}

struct IndicatorAnswer: Decodable {
    struct Row: Decodable {
        let group, indicator, flag: String
        let n: Int?
        let mean, sd, ciLow, ciHigh: Double?
        let benchmark: Benchmark?
    }
    struct Benchmark: Decodable { let n: Int; let mean, q1, q3, ciLow, ciHigh: Double }
    let round, groupBy: String
    let filters: [String: String]
    let threshold: Int
    let rows: [Row]
}

@Suite("Reports API")
struct ReportsAPITests {
    func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path)
    }

    @Test("indicators answer the pinned shape, with suppressed rows carrying no figures", arguments: TestDatabase.all)
    func shape(db: TestDatabase) async throws {
        try await withReportingApp(db) { app, round in
            let res = try await get(app, "/api/v1/reports/indicators?round=\(round)&groupBy=site&profession=student-nurse")
            #expect(res.status == .ok)
            let answer = try JSONDecoder().decode(IndicatorAnswer.self, from: Data(res.body.string.utf8))
            #expect(answer.round == round && answer.groupBy == "site" && answer.threshold == 3)
            #expect(answer.filters == ["profession": "student-nurse"])
            #expect(answer.rows.contains { $0.flag == "suppressed" }, "small sites are suppressed")
            for row in answer.rows {
                if row.flag == "suppressed" {
                    #expect(row.n == nil && row.mean == nil && row.benchmark == nil)
                } else {
                    #expect(row.n! >= 3 && row.mean != nil && row.sd != nil && row.ciLow! <= row.mean! && row.mean! <= row.ciHigh!)
                    #expect(row.benchmark != nil && row.benchmark!.q1 <= row.benchmark!.q3)
                }
            }
        }
    }

    @Test("bad questions are 400 problem JSON", arguments: [
        "/api/v1/reports/indicators?groupBy=organisation", "/api/v1/reports/indicators?round=NO-SUCH&groupBy=organisation",
        "/api/v1/reports/indicators?round=ROUND&groupBy=planet", "/api/v1/reports/indicators?round=ROUND&organisation=NOPE",
        "/api/v1/reports/items?round=ROUND&groupBy=galaxy", "/api/v1/reports/trends?rounds=NOPE",
        "/api/v1/reports/indicators?round=ROUND&indicator=not-a-theme",
    ])
    func badRequests(path: String) async throws {
        try await withReportingApp(.sqlite, scale: 0.02) { app, round in
            let res = try await get(app, path.replacingOccurrences(of: "ROUND", with: round))
            #expect(res.status == .badRequest, "\(path) → \(res.status)")
            #expect(res.headers.contentType?.description.contains("problem+json") == true)
        }
    }

    @Test("items and trends answer with suppression applied")
    func itemsAndTrends() async throws {
        try await withReportingApp(.sqlite) { app, round in
            let items = try await get(app, "/api/v1/reports/items?round=\(round)&groupBy=region")
            #expect(items.status == .ok)
            #expect(items.body.string.contains("\"percentPositive\""))
            let trends = try await get(app, "/api/v1/reports/trends?groupBy=national")
            #expect(trends.status == .ok)
            struct Trends: Decodable { let rounds: [String]; let series: [Series]; struct Series: Decodable { let points: [Point] }; struct Point: Decodable { let round: String } }
            let t = try JSONDecoder().decode(Trends.self, from: Data(trends.body.string.utf8))
            #expect(t.rounds.count == 2, "the two published rounds; the open one is not public")
            #expect(t.series.allSatisfy { $0.points.count == 2 })
        }
    }

    /// Every published figure, with the constraints that define its population.
    struct Published: Hashable {
        let constraints: [String: String]
        let indicator: String
        let n: Int
    }

    @Test("no two published figures differ by a group of 1 to threshold − 1 respondents", arguments: [3, 10])
    func differencing(threshold: Int) async throws {
        try await withReportingApp(.sqlite, threshold: threshold, scale: 0.05) { app, round in
            let dims = ["national", "region", "organisation", "site", "profession", "specialty", "placement_type", "level"]
            // setup: the codes that occur, from the national-by-dimension tables
            var published: Set<Published> = []
            var filterChoices: [(String, String)] = [("", "")]
            for dim in ["region", "organisation", "profession", "placement_type"] {
                let a = try JSONDecoder().decode(IndicatorAnswer.self, from: Data(try await get(app,
                    "/api/v1/reports/indicators?round=\(round)&groupBy=\(dim)").body.string.utf8))
                for code in Set(a.rows.map(\.group)).sorted().prefix(3) { filterChoices.append((dim, code)) }
            }
            let siteOf = try await Dictionary(uniqueKeysWithValues: Site.query(on: app.db).all().map { ($0.code, $0.organisationCode) })
            let regionOf = try await Dictionary(uniqueKeysWithValues: Organisation.query(on: app.db).all().map { ($0.code, $0.regionCode) })
            // MUT: many filter × grouping combinations through the API
            for (filterDim, filterCode) in filterChoices {
                for groupBy in dims where groupBy != filterDim {
                    var path = "/api/v1/reports/indicators?round=\(round)&groupBy=\(groupBy)"
                    if !filterDim.isEmpty { path += "&\(filterDim)=\(filterCode)" }
                    let res = try await get(app, path)
                    #expect(res.status == .ok, "\(path)")
                    let answer = try JSONDecoder().decode(IndicatorAnswer.self, from: Data(res.body.string.utf8))
                    for row in answer.rows {
                        guard let n = row.n else { continue }
                        var constraints = answer.filters
                        if groupBy != "national" { constraints[groupBy] = row.group }
                        published.insert(Published(constraints: constraints, indicator: row.indicator, n: n))
                        if let b = row.benchmark {
                            var bc: [String: String] = [:]
                            bc["profession"] = answer.filters["profession"]
                            published.insert(Published(constraints: bc, indicator: row.indicator, n: b.n))
                        }
                    }
                }
            }
            // validate: for every pair where one population contains the other, the difference is 0 or ≥ threshold
            func contains(_ outer: [String: String], _ inner: [String: String]) -> Bool {
                outer.allSatisfy { key, code in
                    if inner[key] == code { return true }
                    // a place is inside its parents
                    if key == "organisation", let site = inner["site"], siteOf[site] == code { return true }
                    if key == "region", let org = inner["organisation"] ?? inner["site"].flatMap({ siteOf[$0] }), regionOf[org] == code { return true }
                    return false
                }
            }
            let byIndicator = Dictionary(grouping: published, by: \.indicator)
            var checked = 0
            for (_, figures) in byIndicator {
                for a in figures {
                    for b in figures where a != b && contains(a.constraints, b.constraints) {
                        let difference = a.n - b.n
                        checked += 1
                        #expect(difference == 0 || difference >= threshold,
                                "\(a.constraints) n=\(a.n) contains \(b.constraints) n=\(b.n): differ by \(difference)")
                    }
                }
            }
            #expect(checked > 1_000, "enough nested pairs were compared (\(checked))")
        }
    }

    @Test("a publication made by another process shows in reports within five seconds", arguments: TestDatabase.all)
    func freshness(db: TestDatabase) async throws {
        try await withReportingApp(db, scale: 0.02) { app, round in
            let before = app.reportEngine!.responseCount
            // setup: late rows arrive straight in the database, as from the import command: ten
            // learners' answers five times over, so the re-publication moves figures by 0 or ≥ 5
            for learner in 0..<10 {
                try await RoundPublicationTests.addResponses(app, round: round, copies: 5, seed: 99 + UInt64(learner))
            }
            // A published round is frozen: late responses wait for the next publication.
            try await Task.sleep(for: .seconds(2.5))
            #expect(app.reportEngine!.responseCount == before)
            let made = try await app.roundVersions(actor: "system:command-line").publish(round)
            #expect(made.version.number == 2 && made.version.responses == 50)
            // MUT: wait no longer than five seconds
            let deadline = ContinuousClock.now + .seconds(5)
            while app.reportEngine!.responseCount < before + 50 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(app.reportEngine!.responseCount == before + 50)
            #expect(app.reportEngine!.snapshot.histories[round] != nil, "queried through its history from now on")
        }
    }
}

@Suite("Reporting tool pages")
struct ReportPagesTests {
    @Test("every view, the printable reports and the export work, and bad filters are 400s")
    func pages() async throws {
        try await withReportingApp(.sqlite) { app, round in
            let b = TestBrowser(app)
            for view in ["grid", "boxplots", "items", "trends", "ranking"] {
                let res = try await b.get("/reports?view=\(view)&round=\(round)&profession=student-nurse")
                #expect(res.status == .ok, "\(view)")
                #expect(res.body.string.contains("Survey results"))
            }
            let grid = try await b.get("/reports?view=grid&round=\(round)&groupBy=site")
            #expect(grid.body.string.contains("eq-flag--suppressed"), "small sites are shown as suppressed")
            #expect(try await b.get("/reports?view=boxplots&round=\(round)").body.string.contains("<svg"))
            #expect(try await b.get("/reports/professions/student-nurse").status == .ok)
            #expect(try await b.get("/reports/regions/LDN").status == .ok)
            #expect(try await b.get("/reports/regions/ATLANTIS").status == .notFound)
            #expect(try await b.get("/reports?organisation=NOPE").status == .badRequest)
            let csv = try await b.get("/reports/export.csv?view=grid&round=\(round)&groupBy=site")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(whereSeparator: \.isNewline)
            #expect(lines.first?.hasPrefix("round,group_by,group,group_name,indicator,flag,n,mean") == true)
            for line in lines.dropFirst() where line.contains(",suppressed,") {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                #expect(fields[6].isEmpty && fields[7].isEmpty, "a suppressed row exports no n or mean: \(line)")
            }
        }
    }

    @Test("the CSV export publishes exactly the API's figures, suppressed cells included", arguments: ["grid", "items"])
    func exportMatchesAPI(view: String) async throws {
        try await withReportingApp(.sqlite, scale: 0.05) { app, round in
            let b = TestBrowser(app)
            for filter in ["", "&profession=student-nurse", "&region=LDN"] {
                let api = view == "grid" ? "indicators" : "items"
                let json = try await b.get("/api/v1/reports/\(api)?round=\(round)&groupBy=site\(filter)").body.string
                let csv = try await b.get("/reports/export.csv?view=\(view)&round=\(round)&groupBy=site\(filter)").body.string
                struct Row: Decodable { let group: String; let indicator: String; let item: String?; let n: Int? }
                struct Answer: Decodable { let rows: [Row] }
                let fromAPI = Set(try JSONDecoder().decode(Answer.self, from: Data(json.utf8)).rows.map {
                    "\($0.group)|\($0.item ?? $0.indicator)|\($0.n.map(String.init) ?? "")"
                })
                let lines = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                let header = lines[0]
                let group = header.firstIndex(of: "group")!, n = header.firstIndex(of: "n")!
                let measure = header.firstIndex(of: view == "grid" ? "indicator" : "item")!
                let fromCSV = Set(lines.dropFirst().map { "\($0[group])|\($0[measure])|\($0[n])" })
                #expect(fromCSV == fromAPI, "\(view) \(filter)")
                #expect(fromAPI.contains { $0.hasSuffix("|") }, "some cells are suppressed")
            }
        }
    }
}

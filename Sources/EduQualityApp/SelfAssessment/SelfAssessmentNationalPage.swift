import EduQualityDomain
import Fluent
import Vapor

/// The national lead's view of a year: completion nationally and per region, and the submitted
/// ratings by Quality Framework domain, as an SVG chart with the same figures in tables and CSV.
struct SelfAssessmentNationalPage: Encodable {
    struct RegionRow: Encodable { let name, href: String; let organisations, submitted, reviewed, inProgress, notStarted, overdue, late: Int }
    struct DomainRow: Encodable { let code, name: String; let meets, partlyMeets, doesNotMeet, agreed, challenged: Int }

    let layout: Layout
    let year, windowText, csvHref: String
    let frameworkVersion: Int
    let years: [SelectOption]
    let chart: ChartMarkup
    let total: RegionRow
    let regions: [RegionRow]
    let domains: [DomainRow]

    /// The year's summaries: England, then each region by code.
    struct Figures {
        let window: SelfAssessmentWindow
        let frameworkVersion: Int
        let national: SelfAssessmentSummary
        let regions: [(code: String, summary: SelfAssessmentSummary)]
    }

    static func figures(_ req: Request) async throws -> Figures {
        try req.authorize(.viewSelfAssessments, .service)
        guard let found = try await SelfAssessmentStore.window(requested: req.query[String.self, at: "year"], on: req.db) else {
            throw AppError.notFound("No self-assessment window has been set yet")
        }
        let (record, window) = found
        let framework = try await SelfAssessmentStore.framework(of: record, on: req.db)
        let participants = try await SelfAssessmentStore.participants(allowing: .viewSelfAssessments, req)
            .map { SelfAssessmentSummary.Participant(organisation: $0.code, region: $0.regionCode) }
        let assessments = try await SelfAssessmentStore.assessments(year: window.year, on: req.db).values.map(\.1)
        let today = CalendarDay.today()
        let national = SelfAssessmentSummary(window: window, framework: framework, participants: participants, assessments: assessments, today: today)
        let regions = Dictionary(grouping: participants, by: \.region).sorted { $0.key < $1.key }.map {
            (code: $0.key, summary: SelfAssessmentSummary(window: window, framework: framework, participants: $0.value,
                                                          assessments: assessments, today: today))
        }
        return Figures(window: window, frameworkVersion: framework.version, national: national, regions: regions)
    }

    static func build(_ req: Request) async throws -> SelfAssessmentNationalPage {
        let f = try await figures(req)
        let names = Dictionary(try await Region.query(on: req.db).all().map { ($0.code, $0.name) }) { a, _ in a }
        let year = f.window.year.label
        func row(_ name: String, _ code: String?, _ c: SelfAssessmentSummary.Completion) -> RegionRow {
            RegionRow(name: name, href: "/quality/self-assessment?year=\(year)" + (code.map { "&region=\($0)" } ?? ""),
                      organisations: c.organisations, submitted: c.count(.submitted), reviewed: c.count(.reviewed),
                      inProgress: c.count(.draft) + c.count(.returned), notStarted: c.count(.notStarted), overdue: c.overdue, late: c.submittedLate)
        }
        let years = try await SelfAssessmentStore.windows(on: req.db).map {
            SelectOption(code: $0.1.year.label, name: $0.1.year.label, selected: $0.1.year == f.window.year)
        }
        return SelfAssessmentNationalPage(
            layout: req.layout(title: "Self-assessment \(year): national view"), year: year,
            windowText: SelfAssessmentOverviewPage.describe(f.window, today: .today()),
            csvHref: "/quality/self-assessment/national.csv?year=\(year)", frameworkVersion: f.frameworkVersion, years: years,
            chart: ChartMarkup(svg: SelfAssessmentRatingsChart.draw(f.national)),
            total: row("England", nil, f.national.completion),
            regions: f.regions.map { row(names[$0.code] ?? $0.code, $0.code, $0.summary.completion) },
            domains: f.national.domains.map {
                DomainRow(code: $0.code, name: $0.name, meets: $0.count(.meets), partlyMeets: $0.count(.partlyMeets),
                          doesNotMeet: $0.count(.doesNotMeet), agreed: $0.count(.agree), challenged: $0.count(.challenge))
            })
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// `/quality/self-assessment`: the year's window, and the organisations in the visitor's scope
/// with how far each has got (a provider's lead sees its own), filtered and paged.
struct SelfAssessmentOverviewPage: Encodable {
    struct Row: Encodable {
        let organisation, code, region, progress, progressCode, href: String
        let submittedOn: String?
        let late, overdue: Bool
        let reviewHref: String?
    }

    let layout: Layout
    let hasWindow: Bool
    let year: String
    let windowText: String
    let years, regions, progresses: [SelectOption]
    let filtered: Bool
    let isNational, mayManage: Bool
    let page: Page<Row>

    static func build(_ req: Request) async throws -> SelfAssessmentOverviewPage {
        try req.authorizeAnywhere(.viewSelfAssessments)
        let layout = req.layout(title: "Provider self-assessment")
        let isNational = Authorization.isAllowed(req.actor, .viewSelfAssessments, .service)
        let mayManage = Authorization.isAllowed(req.actor, .manageSelfAssessmentWindows, .service)
        let number = try req.pageNumber()
        guard let window = try await SelfAssessmentStore.window(requested: req.query[String.self, at: "year"], on: req.db)?.1 else {
            return SelfAssessmentOverviewPage(layout: layout, hasWindow: false, year: "", windowText: "", years: [], regions: [], progresses: [],
                                              filtered: false, isNational: isNational, mayManage: mayManage,
                                              page: req.page([], number: 1, total: 0))
        }
        let today = CalendarDay.today()
        let region = FormProblems.clean(req.query[String.self, at: "region"])
        let progress = try FormProblems.clean(req.query[String.self, at: "status"]).map { text in
            guard let p = SelfAssessmentProgress(rawValue: text) else {
                throw AppError.badRequest("status must be one of \(SelfAssessmentProgress.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return p
        }
        let overdueOnly = req.query[String.self, at: "overdue"] == "true"
        let participants = try await SelfAssessmentStore.participants(allowing: .viewSelfAssessments, req)
        let assessments = try await SelfAssessmentStore.assessments(year: window.year, on: req.db)
        let regionNames = Dictionary(try await Region.query(on: req.db).all().map { ($0.code, $0.name) }) { a, _ in a }
        let mayReview = { (o: Organisation) in
            Authorization.isAllowed(req.actor, .reviewSelfAssessment, .located(Location(region: o.regionCode, organisation: o.code)))
        }
        let matching = participants.filter { o in
            let p = SelfAssessmentProgress(assessments[o.code]?.1.status)
            return (region == nil || o.regionCode == region) && (progress == nil || p == progress)
                && (!overdueOnly || p.isOverdue(window, on: today))
        }
        let rows = matching[Pagination.range(number).clamped(to: matching.indices)].map { o -> Row in
            let a = assessments[o.code]?.1
            let p = SelfAssessmentProgress(a?.status)
            let href = "/quality/self-assessment/\(window.year.label)/\(o.code)"
            return Row(organisation: o.name, code: o.code, region: regionNames[o.regionCode] ?? o.regionCode, progress: p.displayName,
                       progressCode: p.rawValue, href: href, submittedOn: a?.submittedOn?.longDescription,
                       late: a?.submittedLate == true, overdue: p.isOverdue(window, on: today),
                       reviewHref: p == .submitted && mayReview(o) ? href + "/review" : nil)
        }
        let years = try await SelfAssessmentStore.windows(on: req.db).map {
            SelectOption(code: $0.1.year.label, name: $0.1.year.label, selected: $0.1.year == window.year)
        }
        let regionCodes = Set(participants.map(\.regionCode)).sorted()
        return SelfAssessmentOverviewPage(
            layout: layout, hasWindow: true, year: window.year.label, windowText: Self.describe(window, today: today),
            years: years,
            regions: regionCodes.count > 1 ? regionCodes.map { SelectOption(code: $0, name: regionNames[$0] ?? $0, selected: $0 == region) } : [],
            progresses: SelfAssessmentProgress.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == progress) },
            filtered: region != nil || progress != nil || overdueOnly, isNational: isNational, mayManage: mayManage,
            page: req.page(rows, number: number, total: matching.count))
    }

    /// "The 2026-27 self-assessment opened on 1 October 2026 and closes on 15 January 2027 (44 days left)."
    static func describe(_ window: SelfAssessmentWindow, today: CalendarDay) -> String {
        let y = window.year.label, opens = window.opensOn.longDescription, closes = window.closesOn.longDescription
        switch window.state(on: today) {
        case .upcoming: return "The \(y) self-assessment opens on \(opens) and closes on \(closes)."
        case .open:
            let left = window.daysLeft(on: today)
            return "The \(y) self-assessment opened on \(opens) and closes on \(closes) (\(left) day\(left == 1 ? "" : "s") left, today included)."
        case .closed:
            return "The \(y) self-assessment closed on \(closes). Assessments not yet submitted are overdue; they can still be submitted and are marked late."
        }
    }
}

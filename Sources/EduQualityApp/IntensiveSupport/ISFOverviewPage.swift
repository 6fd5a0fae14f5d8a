import EduQualityDomain
import Vapor

/// The regional overview: every subject the visitor may see with its current category, how long it
/// has been there, whether the decision is ratified and whether its review is overdue.
struct ISFOverviewPage: Encodable {
    struct Row: Encodable {
        let subject, kind, href, category, categoryName, since, nextReview, rating: String
        let days: Int
        let provisional, overdue: Bool
    }
    struct SuspensionRow: Encodable { let reference, subject, state, href: String }

    let layout: Layout
    let regions: [SelectOption]
    let region: String
    let rows: [Row]
    let overdueCount: Int
    let suspensions: [SuspensionRow]
    let mayDecide: Bool
    let kinds: [SelectOption]

    static func build(_ req: Request) async throws -> ISFOverviewPage {
        try req.authorizeAnywhere(.viewQualityRegister)
        let region = FormProblems.clean(req.query[String.self, at: "region"])
        let regions = try await Region.query(on: req.db).sort(\.$name).all()
            .filter { Authorization.isAllowed(req.actor, .viewQualityRegister, .located(Location(region: $0.code))) }
        if let region, !regions.contains(where: { $0.code == region }) {
            throw AppError.badRequest("region must be one of \(regions.map(\.code).joined(separator: ", "))")
        }
        let scale = try await ISFStore.scale(on: req.db)
        let today = CalendarDay.today()
        let current = try await ISFStore.current(visibleTo: req, region: region)
        let rows = current.map { c in
            Row(subject: c.subject.name, kind: c.subject.subject.kind.displayName, href: c.href,
                category: String(c.decision.category), categoryName: scale.category(c.decision.category)?.name ?? "",
                since: c.history.inCategorySince.map(\.longDescription) ?? "", nextReview: c.decision.nextReview.longDescription,
                rating: c.decision.rating, days: c.history.daysInCategory(on: today) ?? 0,
                provisional: c.decision.isProvisional, overdue: c.history.isReviewOverdue(on: today))
        }
        let suspensions = try await SuspensionStore.visible(to: req, region: region).map {
            SuspensionRow(reference: $0.workflow.reference, subject: $0.subject.name, state: SuspensionStore.stateText($0.workflow),
                          href: "/isf/suspensions/\($0.workflow.reference)")
        }
        return ISFOverviewPage(
            layout: req.layout(title: "Intensive Support Framework"),
            regions: regions.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == region) },
            region: region ?? "", rows: rows, overdueCount: rows.filter(\.overdue).count, suspensions: suspensions,
            mayDecide: req.holdsPermission(.decideIntensiveSupport),
            kinds: ISFSubject.Kind.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == .organisation) })
    }
}

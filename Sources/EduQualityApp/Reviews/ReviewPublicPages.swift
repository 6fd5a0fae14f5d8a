import EduQualityDomain
import Fluent
import Vapor

/// The public index of review reports: the search form, with its choices drawn from what is
/// published, and one page of results.
struct ReviewIndexPage: Encodable {
    struct Row: Encodable { let href, title, provider, region, type, reviewedOn, finalOn: String; let serious: Int }
    let layout: Layout
    let q, from, to: String
    let organisations, regions, types, professions, standards: [SelectOption]
    let page: Page<Row>
    let filtered: Bool

    static func build(_ req: Request, query: ReviewReportQuery, all: [ReviewReportSnapshot], results: [ReviewReportSnapshot],
                      total: Int, number: Int, title: String = "Review reports") -> ReviewIndexPage {
        func options(_ pairs: [(String, String)], _ selected: String?) -> [SelectOption] {
            Dictionary(pairs) { a, _ in a }.sorted { $0.value < $1.value }
                .map { SelectOption(code: $0.key, name: $0.value, selected: $0.key.caseInsensitiveCompare(selected ?? "") == .orderedSame) }
        }
        let rows = results.map {
            Row(href: "/reviews/\($0.reference)", title: $0.title, provider: $0.provider.name, region: $0.region.name,
                type: $0.type.name, reviewedOn: $0.reviewedOn.longDescription, finalOn: $0.finalOn.longDescription,
                serious: $0.seriousConcerns.count)
        }
        return ReviewIndexPage(
            layout: req.layout(title: title), q: query.words ?? "", from: query.from?.iso ?? "", to: query.to?.iso ?? "",
            organisations: options(all.map { ($0.provider.code, $0.provider.name) }, query.organisation),
            regions: options(all.map { ($0.region.code, $0.region.name) }, query.region),
            types: options(req.reviewSettings.types.all.map { ($0.code, $0.name) }, query.type),
            professions: options(all.flatMap { $0.professions.map { ($0.code, $0.name) } }, query.profession),
            standards: options(all.flatMap { $0.standards.map { ($0, $0) } }, query.standard),
            page: req.page(rows, number: number, total: total), filtered: query != ReviewReportQuery())
    }
}

/// One published report, laid out as the body's published reports are.
struct ReviewReportPage: Encodable {
    struct Section: Encodable { let heading, text: String }
    struct Finding: Encodable {
        let reference, kind, standards, text, due, status: String
        let rag: String?
    }
    struct Version: Encodable { let number: Int; let publishedOn, note, href: String; let current: Bool }
    struct Grade: Encodable { let placement, grade, toMoveUp: String; let actions: [String] }

    let layout: Layout
    let reference, title, provider, providerHref, programme, type, region, reviewedOn, finalOn, publishedOn: String
    let sites, professions: String
    let version, latest: Int
    let isLatest: Bool
    let whatWorksWell, areasForImprovement: String
    let serious: [Finding]
    let isfRatings: [String]
    let overview: [Section]
    let requirements: [Finding]
    let goodPractice: [Finding]
    let grades: [Grade]
    let followUp: String
    let panel: [String]
    let metTotal: Int
    let versions: [Version]

    static func build(_ req: Request, snapshot s: ReviewReportSnapshot, live: [String: Requirement],
                      versions: [ReviewReportVersionRecord], latest: Int) -> ReviewReportPage {
        let rule = req.reviewSettings.rules.rag
        let today = CalendarDay.today()
        func finding(_ f: ReviewReportSnapshot.Finding) -> Finding {
            let now = live[f.reference]
            let rag = now?.rag(rule, on: today)
            return Finding(reference: f.reference, kind: f.kind.displayName, standards: f.standards.joined(separator: ", "), text: f.text,
                           due: f.due?.longDescription ?? "", status: now?.status.displayName ?? "", rag: rag?.rag.rawValue)
        }
        return ReviewReportPage(
            layout: req.layout(title: s.title), reference: s.reference, title: s.title, provider: s.provider.name,
            providerHref: "/reviews/providers/\(s.provider.code)",
            programme: s.specialty.map { n in s.programmeGroup.map { "\(n.name) (\($0))" } ?? n.name } ?? s.programmeGroup ?? "Whole provider",
            type: s.type.name, region: s.region.name, reviewedOn: s.reviewedOn.longDescription, finalOn: s.finalOn.longDescription,
            publishedOn: s.publishedOn.longDescription, sites: s.sites.map(\.name).joined(separator: "; "),
            professions: s.professions.map(\.name).joined(separator: "; "), version: s.version, latest: latest,
            isLatest: s.version == latest, whatWorksWell: s.sections[.whatWorksWell] ?? "",
            areasForImprovement: s.sections[.areasForImprovement] ?? "", serious: s.seriousConcerns.map(finding),
            isfRatings: s.isfRatings.map { "\($0.programme): \($0.rating)" },
            overview: [ReportSection.overview, .background].compactMap { sec in s.sections[sec].map { Section(heading: sec.displayName, text: $0) } },
            requirements: s.actionable.map(finding), goodPractice: s.goodPractice.map(finding),
            grades: s.grades.map { g in Grade(placement: g.placement, grade: g.grade.displayName, toMoveUp: g.toMoveUp ?? "",
                                             actions: g.actions.map { "\($0.action) (\($0.owner), by \($0.due.longDescription))" }) },
            followUp: s.sections[.followUp] ?? "", panel: s.panel, metTotal: s.metTotal,
            versions: versions.map { Version(number: $0.version, publishedOn: CalendarDay($0.publishedAt).longDescription, note: $0.note,
                                             href: "/reviews/\(s.reference)?version=\($0.version)", current: $0.version == s.version) })
    }
}

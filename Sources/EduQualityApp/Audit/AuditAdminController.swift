import EduQualityDomain
import Fluent
import Vapor

struct AuditAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let audit = routes.grouped("admin", "audit")
        audit.get(use: list)
        audit.post("verify", use: verify)
    }

    struct Row: Encodable {
        let sequence: Int
        let occurredAt: String
        let actor, action, entity: String
        let changes: [AuditChangeLine]
    }
    struct ListPage: Encodable {
        let layout: Layout
        let q: String
        let page: Page<Row>
        let verification: String?
        let intact: Bool
    }

    @Sendable func list(req: Request) async throws -> View {
        try await render(req, verification: nil, intact: true)
    }

    @Sendable func verify(req: Request) async throws -> View {
        try req.authorize(.viewAuditLog)
        let (broken, count) = try await AuditLog.verify(on: req.db)
        let message = broken.map { "The chain is broken: \($0.description)." }
            ?? "All \(count) entries verified: every link in the chain is intact."
        return try await render(req, verification: message, intact: broken == nil)
    }

    private func render(_ req: Request, verification: String?, intact: Bool) async throws -> View {
        try req.authorize(.viewAuditLog)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingWhitespace
        let number = try req.pageNumber()
        let query = AuditEntry.query(on: req.db)
        if !q.isEmpty {
            let op = req.db.containsOperator
            query.group(.or) {
                $0.filter(\.$entityID, op, likePattern(q)).filter(\.$actor, op, likePattern(q)).filter(\.$action, op, likePattern(q))
            }
        }
        let total = try await query.count()
        let time = DateFormatter()
        time.locale = Locale(identifier: "en_GB_POSIX")
        time.timeZone = TimeZone(identifier: "UTC")
        time.dateFormat = "HH:mm:ss"
        let rows = try await query.sort(\.$id, .descending)
            .page(number)
            .map { e in
                Row(sequence: e.id ?? 0,
                    occurredAt: "\(CalendarDay(e.occurredAt, in: TimeZone(identifier: "UTC")!).longDescription), \(time.string(from: e.occurredAt))",
                    actor: e.actor, action: e.action, entity: "\(e.entityType) \(e.entityID)",
                    changes: AuditChangeLines.lines(before: e.beforeJSON, after: e.afterJSON))
            }
        return try await req.view.render("admin/audit", ListPage(
            layout: req.layout(title: "Audit log"), q: q, page: req.page(rows, number: number, total: total),
            verification: verification, intact: intact))
    }
}

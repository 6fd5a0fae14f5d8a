import EduQualityDomain
import Fluent
import Vapor

/// The notification outbox. Without a mail server, this page is where notices are read; with
/// one, it shows what was sent and what failed.
struct OutboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "outbox", use: list)
    }

    struct Row: Encodable { let recipient, subject, body, kind, createdOn: String; let sentOn: String?; let attempts: Int; let lastError: String? }
    struct ListPage: Encodable { let layout: Layout; let q: String; let pending: Int; let page: Page<Row> }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.viewOutbox)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingWhitespace
        let number = try req.pageNumber()
        let query = OutboxMessage.query(on: req.db)
        if !q.isEmpty {
            let op = req.db.containsOperator
            query.group(.or) { $0.filter(\.$recipient, op, likePattern(q)).filter(\.$subject, op, likePattern(q)) }
        }
        let total = try await query.count()
        let pending = try await OutboxMessage.query(on: req.db).filter(\.$sentOn == nil).count()
        let rows = try await query.sort(\.$createdOn, .descending).sort(\.$id)
            .page(number)
            .map { Row(recipient: $0.recipient, subject: $0.subject, body: $0.body, kind: $0.kind, createdOn: $0.createdOn,
                       sentOn: $0.sentOn, attempts: $0.attempts, lastError: $0.lastError) }
        return try await req.view.render("admin/outbox", ListPage(layout: req.layout(title: "Notification outbox"), q: q,
                                                                  pending: pending, page: req.page(rows, number: number, total: total)))
    }
}

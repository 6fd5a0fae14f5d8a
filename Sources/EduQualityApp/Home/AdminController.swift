import Vapor

/// The administration index: what an administrator can look after.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", use: index)
    }

    struct AdminIndex: Encodable { let layout: Layout }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.manageUsers)
        return try await req.view.render("admin/index", AdminIndex(layout: req.layout(title: "Administration")))
    }
}

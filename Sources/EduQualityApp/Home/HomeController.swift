import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    struct HomePage: Encodable { let layout: Layout }

    @Sendable func home(req: Request) async throws -> View {
        try await req.view.render("home", HomePage(layout: req.layout(title: "Quality of healthcare education and training")))
    }
}

import EduQualityDomain
import Vapor

/// The API described, open to everyone: `GET /api/v1/openapi.json` (the document as kept),
/// `GET /api/v1/openapi.yaml` (the same data as YAML) and `/api`, a page for people listing the
/// operations by tag.
struct APIDescriptionController: RouteCollection {
    let document: APIDocument

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", use: page)
        routes.get("api", "v1", "openapi.json", use: json)
        routes.get("api", "v1", "openapi.yaml", use: yaml)
    }

    @Sendable func json(req: Request) async throws -> Response {
        try req.authorize(.viewPublicInformation)
        return Self.answer(.init(data: document.json), type: .json)
    }

    @Sendable func yaml(req: Request) async throws -> Response {
        try req.authorize(.viewPublicInformation)
        return Self.answer(.init(string: document.yaml), type: HTTPMediaType(type: "application", subType: "yaml"))
    }

    private static func answer(_ body: Response.Body, type: HTTPMediaType) -> Response {
        let response = Response(status: .ok, body: body)
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    @Sendable func page(req: Request) async throws -> View {
        try req.authorize(.viewPublicInformation)
        return try await req.view.render("api/index", APIPage(document, layout: req.layout(title: "The EduQuality API")))
    }
}

import EduQualityDomain
import Vapor

/// `POST /api/v1/register/gmc-survey` with a `text/csv` body: imports a GMC national training
/// survey file for a regional quality team (its region's organisations only) or a national
/// quality lead, signed in or with an API token. Answers `{imported, skipped}`, or a 400
/// problem with `errors:[{line, column, reason}]` and nothing stored.
struct GMCSurveyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "register")
            .upload("gmc-survey", limit: "16mb", use: importFile)
    }

    struct Imported: Content { let imported, skipped: Int }

    /// Problem JSON with the file's line errors.
    struct FileProblem: Content {
        struct LineError: Content { let line: Int; let column, reason: String }
        var type = "about:blank"
        let title: String
        let status: Int
        let detail: String
        let errors: [LineError]
    }

    @Sendable func importFile(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.importGMCSurvey)
        guard let type = req.headers.contentType, type.type == "text", type.subType == "csv" else {
            throw Abort(.unsupportedMediaType, reason: "Send the file as text/csv")
        }
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        do {
            let outcome = try await GMCSurveyImporter(db: req.db, actor: req.actor, auditActor: req.auditActor).run(bytes)
            return try await Imported(imported: outcome.imported, skipped: outcome.skipped).encodeResponse(for: req)
        } catch let refused as GMCSurveyFileRefused {
            let problem = FileProblem(title: "The file was not imported", status: 400, detail: refused.summary,
                                      errors: refused.errors.map { .init(line: $0.line, column: $0.column, reason: $0.reason) })
            let response = try await problem.encodeResponse(status: .badRequest, for: req)
            response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
            return response
        }
    }
}

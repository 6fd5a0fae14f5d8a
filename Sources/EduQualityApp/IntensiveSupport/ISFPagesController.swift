import EduQualityDomain
import Fluent
import Vapor

/// The ISF pages: the regional overview, a subject's history and decisions, ratification, and
/// opening a suspension of training for a subject at the top category.
struct ISFPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let isf = routes.grouped("isf")
        isf.get(use: overview)
        isf.get("subject", use: subject)
        isf.post("subject", "decide", use: decide)
        isf.post("subject", "ratify", use: ratify)
        isf.post("subject", "suspend", use: suspend)
    }

    @Sendable func overview(req: Request) async throws -> View {
        try await req.view.render("isf/overview", try await ISFOverviewPage.build(req))
    }

    private func resolved(_ req: Request, allowing action: Action) async throws -> ResolvedSubject {
        try await ISFSubjects.find(kind: req.query[String.self, at: "kind"], code: req.query[String.self, at: "code"],
                                   allowing: action, req)
    }

    @Sendable func subject(req: Request) async throws -> View {
        let subject = try await resolved(req, allowing: .viewQualityRegister)
        let flash: String? = switch req.query[String.self, at: "done"] {
        case "decided": "The decision has been recorded. It is provisional until ratified at the regional quality meeting."
        case "ratified": "The decision has been ratified."
        default: nil
        }
        return try await req.view.render("isf/subject", try await ISFSubjectPage.build(req, subject, flash: flash))
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let subject = try await resolved(req, allowing: .decideIntensiveSupport)
        let posted = try req.content.decode(ISFSubjectPage.Posted.self)
        do {
            _ = try await ISFStore.decide(posted.form, about: subject, req)
        } catch AppError.invalid(let errors) {
            return try await req.view.render("isf/subject", try await ISFSubjectPage.build(req, subject, posted: posted, errors: errors))
                .encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: ResolvedSubject.href(subject.subject) + "&done=decided")
    }

    struct RatifyForm: Content { var decision, meetingDay: String? }

    @Sendable func ratify(req: Request) async throws -> Response {
        let subject = try await resolved(req, allowing: .decideIntensiveSupport)
        let form = try req.content.decode(RatifyForm.self)
        do {
            try await ISFStore.ratify(form.decision ?? "", of: subject, meetingDay: form.meetingDay, req)
        } catch AppError.invalid(let errors) {
            return try await req.view.render("isf/subject", try await ISFSubjectPage.build(req, subject, errors: errors))
                .encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: ResolvedSubject.href(subject.subject) + "&done=ratified")
    }

    struct SuspendForm: Content { var professions: [String]? }

    @Sendable func suspend(req: Request) async throws -> Response {
        let subject = try await resolved(req, allowing: .decideIntensiveSupport)
        let form = try req.content.decode(SuspendForm.self)
        let workflow: TrainingSuspension
        do {
            workflow = try await SuspensionStore.open(subject, professions: form.professions ?? [], req)
        } catch AppError.invalid(let errors) {
            return try await req.view.render("isf/subject", try await ISFSubjectPage.build(req, subject, errors: errors))
                .encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: "/isf/suspensions/\(workflow.reference)")
    }
}

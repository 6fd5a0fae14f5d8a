import EduQualityDomain
import Fluent
import Vapor

/// The self-assessment pages under `/quality/self-assessment`: the overview of a year, each
/// organisation's assessment (the provider's form), the regional team's comparison and review,
/// returning an assessment, the national view and its CSV, and the national lead's windows.
struct SelfAssessmentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("quality", "self-assessment")
        pages.get(use: overview)
        pages.get("national", use: national)
        pages.get("national.csv", use: nationalCSV)
        pages.get("windows", use: windows)
        pages.post("windows", use: schedule)
        pages.get("windows", ":year", use: windowForm)
        pages.post("windows", ":year", use: reschedule)
        pages.get(":year", ":organisation", use: show)
        pages.post(":year", ":organisation", use: save)
        pages.get(":year", ":organisation", "review", use: reviewPage)
        pages.post(":year", ":organisation", "review", use: review)
        pages.post(":year", ":organisation", "return", use: giveBack)
    }

    @Sendable func overview(req: Request) async throws -> View {
        try await req.view.render("self-assessment/overview", try await SelfAssessmentOverviewPage.build(req))
    }

    @Sendable func national(req: Request) async throws -> View {
        try await req.view.render("self-assessment/national", try await SelfAssessmentNationalPage.build(req))
    }

    @Sendable func nationalCSV(req: Request) async throws -> Response {
        let f = try await SelfAssessmentNationalPage.figures(req)
        return SelfAssessmentExport.response(SelfAssessmentExport.csv(f.national, regions: f.regions, frameworkVersion: f.frameworkVersion),
                                             year: f.window.year)
    }

    @Sendable func windows(req: Request) async throws -> View {
        try req.authorize(.manageSelfAssessmentWindows)
        let flash: String? = switch req.query[String.self, at: "done"] {
        case "scheduled": "The window has been set."
        case "changed": "The window's dates have been changed."
        default: nil
        }
        return try await req.view.render("self-assessment/windows", try await SelfAssessmentWindowsPage.build(req, flash: flash))
    }

    struct WindowForm: Content { var year, opensOn, closesOn: String? }

    @Sendable func schedule(req: Request) async throws -> Response {
        try req.authorize(.manageSelfAssessmentWindows)
        let form = try req.content.decode(WindowForm.self)
        do {
            _ = try await SelfAssessmentIntake.schedule(year: form.year, opensOn: form.opensOn, closesOn: form.closesOn, req)
        } catch let invalid as InvalidForm {
            let posted = ["year": form.year, "opensOn": form.opensOn, "closesOn": form.closesOn].compactMapValues { $0 }
            return try await req.view.render("self-assessment/windows", try await SelfAssessmentWindowsPage.build(req, errors: invalid.fieldErrors, posted: posted))
                .encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: "/quality/self-assessment/windows?done=scheduled")
    }

    @Sendable func windowForm(req: Request) async throws -> View {
        try req.authorize(.manageSelfAssessmentWindows)
        let (_, window) = try await SelfAssessmentStore.window(req.parameters.get("year") ?? "", on: req.db)
        return try await req.view.render("self-assessment/windows", try await SelfAssessmentWindowsPage.build(req, changing: window))
    }

    @Sendable func reschedule(req: Request) async throws -> Response {
        try req.authorize(.manageSelfAssessmentWindows)
        let label = req.parameters.get("year") ?? ""
        let (_, window) = try await SelfAssessmentStore.window(label, on: req.db)
        let form = try req.content.decode(WindowForm.self)
        do {
            _ = try await SelfAssessmentIntake.reschedule(label, opensOn: form.opensOn, closesOn: form.closesOn, req)
        } catch let invalid as InvalidForm {
            let posted = ["opensOn": form.opensOn, "closesOn": form.closesOn].compactMapValues { $0 }
            return try await req.view.render("self-assessment/windows", try await SelfAssessmentWindowsPage.build(
                req, changing: window, errors: invalid.fieldErrors, posted: posted)).encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: "/quality/self-assessment/windows?done=changed")
    }

    @Sendable func show(req: Request) async throws -> View {
        let found = try await SelfAssessmentStore.find(req, allowing: .viewSelfAssessments)
        let flash: String? = switch req.query[String.self, at: "done"] {
        case "saved": "Your draft has been saved. It is not submitted yet."
        case "submitted": "The self-assessment has been submitted to the regional quality team."
        case "reviewed": "The review has been saved."
        case "completed": "The review is complete."
        case "returned": "The self-assessment has been returned to the provider."
        default: nil
        }
        return try await req.view.render("self-assessment/assessment", try await SelfAssessmentPage.build(req, found, flash: flash))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let found = try await SelfAssessmentStore.find(req, allowing: .completeSelfAssessment)
        let fields = try req.content.decode([String: String].self)
        let framework = try await SelfAssessmentPage.displayedFramework(found, req)
        let submit = fields["intent"] == "submit"
        do {
            _ = try await SelfAssessmentIntake.save(SelfAssessmentIntake.typedRatings(fields, standards: framework.standardCodes),
                                                    submit: submit, found, req)
        } catch let invalid as InvalidForm {
            return try await req.view.render("self-assessment/assessment", try await SelfAssessmentPage.build(
                req, found, errors: invalid.fieldErrors, posted: fields)).encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: Self.href(found) + "?done=\(submit ? "submitted" : "saved")")
    }

    @Sendable func reviewPage(req: Request) async throws -> View {
        let found = try await SelfAssessmentStore.find(req, allowing: .reviewSelfAssessment)
        return try await req.view.render("self-assessment/review", try await SelfAssessmentReviewPage.build(req, found))
    }

    @Sendable func review(req: Request) async throws -> Response {
        let found = try await SelfAssessmentStore.find(req, allowing: .reviewSelfAssessment)
        let fields = try req.content.decode([String: String].self)
        let complete = fields["intent"] == "complete"
        do {
            _ = try await SelfAssessmentIntake.review(SelfAssessmentIntake.typedReviews(fields, standards: found.assessment?.standards ?? []),
                                                      complete: complete, found, req)
        } catch let invalid as InvalidForm {
            return try await req.view.render("self-assessment/review", try await SelfAssessmentReviewPage.build(
                req, found, errors: invalid.fieldErrors, posted: fields)).encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: Self.href(found) + "?done=\(complete ? "completed" : "reviewed")")
    }

    struct ReturnForm: Content { var reason: String? }

    @Sendable func giveBack(req: Request) async throws -> Response {
        let found = try await SelfAssessmentStore.find(req, allowing: .reviewSelfAssessment)
        let form = try req.content.decode(ReturnForm.self)
        do {
            _ = try await SelfAssessmentIntake.returnToProvider(reason: form.reason, found, req)
        } catch let invalid as InvalidForm {
            return try await req.view.render("self-assessment/assessment", try await SelfAssessmentPage.build(
                req, found, errors: invalid.fieldErrors, posted: ["reason": form.reason ?? ""])).encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: Self.href(found) + "?done=returned")
    }

    static func href(_ found: SelfAssessmentStore.Found) -> String {
        "/quality/self-assessment/\(found.window.year.label)/\(found.organisation.code)"
    }
}

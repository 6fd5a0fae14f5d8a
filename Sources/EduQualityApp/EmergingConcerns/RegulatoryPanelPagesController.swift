import EduQualityDomain
import Vapor

/// The concern page's forms for following a panel up and for linking the concern to register
/// entries and ISF decisions. A refused step draws the page again with a 400, the error beside
/// its field, and nothing changed.
struct RegulatoryPanelPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let concern = routes.grouped("quality", "emerging-concerns", ":reference")
        concern.post("links", "register", use: linkRegister)
        concern.post("links", "isf", use: linkISF)
        let panel = concern.grouped("panels", ":panel")
        panel.post("convene", use: convene)
        panel.post("hold", use: hold)
        panel.post("actions", use: addAction)
        panel.post("actions", ":number", "done", use: completeAction)
        panel.post("follow-up", use: followUp)
        panel.post("close", use: close)
    }

    /// Runs `body` on the concern, then shows its page: with `done`'s message, or again with the
    /// errors named as the page names its fields.
    private func change(_ req: Request, done: String, rename: @escaping (String) -> String = EmergingConcernPage.panelField,
                        _ body: (EmergingConcernStore.Found, inout [String: String]) async throws -> Void) async throws -> Response {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .raiseEmergingConcern, req)
        var posted: [String: String] = [:]
        do {
            try await body(found, &posted)
            return req.redirect(to: "/quality/emerging-concerns/\(found.concern.reference)?done=\(done)")
        } catch let invalid as InvalidForm {
            let errors = invalid.problems.map { FieldError(rename($0.field), $0.message) }
            let page = try await EmergingConcernPage.build(req, found, errors: errors, posted: posted)
            return try await req.view.render("emerging-concerns/concern", page).encodeResponse(status: .badRequest, for: req)
        }
    }

    private func panel(_ req: Request, done: String, _ step: @escaping (inout [String: String]) throws -> EmergingConcernIntake.PanelStep) async throws -> Response {
        try await change(req, done: done) { found, posted in
            let s = try step(&posted)
            try await EmergingConcernIntake.panel(found, req.parameters.get("panel") ?? "", s, req)
        }
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map(String.init).compactMap(FormProblems.clean)
    }

    struct ConveneForm: Content { var panelDate: String? }
    struct HoldForm: Content { var panelAttendees, panelInformation, panelDecisions: String? }
    struct ActionForm: Content { var actionOrganisation, actionText, actionOwner, actionDue: String? }

    @Sendable func convene(req: Request) async throws -> Response {
        try await panel(req, done: "convened") { posted in
            let form = try req.content.decode(ConveneForm.self)
            posted["panelDate"] = form.panelDate
            return .convene(date: form.panelDate)
        }
    }

    /// Attendees are typed one a line as "name, organisation code".
    @Sendable func hold(req: Request) async throws -> Response {
        try await panel(req, done: "held") { posted in
            let form = try req.content.decode(HoldForm.self)
            posted = ["panelAttendees": form.panelAttendees, "panelInformation": form.panelInformation,
                      "panelDecisions": form.panelDecisions].compactMapValues { $0 }
            let attendees = Self.lines(form.panelAttendees).map { line -> RegulatoryPanelAttendee in
                guard let comma = line.lastIndex(of: ",") else { return RegulatoryPanelAttendee(name: line, organisation: "") }
                return RegulatoryPanelAttendee(name: String(line[..<comma]).trimmingWhitespace,
                                               organisation: String(line[line.index(after: comma)...]).trimmingWhitespace)
            }
            return .hold(attendees: attendees, information: Self.lines(form.panelInformation), decisions: Self.lines(form.panelDecisions))
        }
    }

    @Sendable func addAction(req: Request) async throws -> Response {
        try await panel(req, done: "action") { posted in
            let form = try req.content.decode(ActionForm.self)
            posted = ["actionOrganisation": form.actionOrganisation, "actionText": form.actionText, "actionOwner": form.actionOwner,
                      "actionDue": form.actionDue].compactMapValues { $0 }
            return .addAction(organisation: form.actionOrganisation, text: form.actionText, owner: form.actionOwner, due: form.actionDue)
        }
    }

    @Sendable func completeAction(req: Request) async throws -> Response {
        guard let number = req.parameters.get("number", as: Int.self) else { throw AppError.notFound("There is no such action") }
        return try await panel(req, done: "action-done") { _ in .completeAction(number) }
    }

    @Sendable func followUp(req: Request) async throws -> Response { try await panel(req, done: "follow-up") { _ in .followUp } }

    @Sendable func close(req: Request) async throws -> Response { try await panel(req, done: "closed") { _ in .close } }

    struct RegisterLinkForm: Content { var registerEntry: String? }
    struct ISFLinkForm: Content { var isfDecision: String? }

    @Sendable func linkRegister(req: Request) async throws -> Response {
        try await change(req, done: "linked", rename: { $0 }) { found, posted in
            let form = try req.content.decode(RegisterLinkForm.self)
            posted["registerEntry"] = form.registerEntry
            try await EmergingConcernIntake.link(found, registerEntry: form.registerEntry, req)
        }
    }

    @Sendable func linkISF(req: Request) async throws -> Response {
        try await change(req, done: "linked", rename: { $0 }) { found, _ in
            try await EmergingConcernIntake.link(found, isfDecision: try req.content.decode(ISFLinkForm.self).isfDecision, req)
        }
    }
}

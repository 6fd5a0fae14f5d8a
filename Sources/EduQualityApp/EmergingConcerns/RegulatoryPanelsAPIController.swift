import EduQualityDomain
import Vapor

/// A regulatory review panel's follow-up through the API, and a concern's links to register
/// entries and ISF decisions: `POST /api/v1/emerging-concerns/REFERENCE/panels/PANEL/convene`
/// `{date?}`, `…/hold` `{attendees:[{name, organisation}], information:[…], decisions:[…]}`,
/// `…/actions` `{organisation, text, owner, due}`, `…/actions/N/done`, `…/follow-up`, `…/close`,
/// each answering the panel; `POST /api/v1/emerging-concerns/REFERENCE/links`
/// `{registerEntry?, isfDecision?}` answering the concern.
struct RegulatoryPanelsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let concern = routes.grouped("api", "v1", "emerging-concerns", ":reference")
        concern.post("links", use: link)
        let panel = concern.grouped("panels", ":panel")
        panel.post("convene", use: convene)
        panel.post("hold", use: hold)
        panel.post("actions", use: addAction)
        panel.post("actions", ":number", "done", use: completeAction)
        panel.post("follow-up", use: followUp)
        panel.post("close", use: close)
    }

    private func step(_ req: Request, status: HTTPStatus = .ok, _ step: EmergingConcernIntake.PanelStep) async throws -> Response {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .raiseEmergingConcern, req)
        let panel = try await EmergingConcernIntake.panel(found, req.parameters.get("panel") ?? "", step, req)
        return try await EmergingConcernDTO.panel(panel).encodeResponse(status: status, for: req)
    }

    struct ConveneBody: Content { var date: String? }
    struct AttendeeBody: Content { var name, organisation: String? }
    struct HoldBody: Content { var attendees: [AttendeeBody]?; var information, decisions: [String]? }
    struct ActionBody: Content { var organisation, text, owner, due: String? }

    @Sendable func convene(req: Request) async throws -> Response {
        try await step(req, .convene(date: try req.content.decode(ConveneBody.self).date))
    }

    @Sendable func hold(req: Request) async throws -> Response {
        let body = try req.content.decode(HoldBody.self)
        let attendees = (body.attendees ?? []).map { RegulatoryPanelAttendee(name: $0.name ?? "", organisation: $0.organisation ?? "") }
        return try await step(req, .hold(attendees: attendees, information: body.information ?? [], decisions: body.decisions ?? []))
    }

    @Sendable func addAction(req: Request) async throws -> Response {
        let body = try req.content.decode(ActionBody.self)
        return try await step(req, status: .created, .addAction(organisation: body.organisation, text: body.text, owner: body.owner, due: body.due))
    }

    @Sendable func completeAction(req: Request) async throws -> Response {
        guard let number = req.parameters.get("number", as: Int.self) else { throw AppError.notFound("There is no such action") }
        return try await step(req, .completeAction(number))
    }

    @Sendable func followUp(req: Request) async throws -> Response { try await step(req, .followUp) }

    @Sendable func close(req: Request) async throws -> Response { try await step(req, .close) }

    struct LinkBody: Content { var registerEntry, isfDecision: String? }

    @Sendable func link(req: Request) async throws -> EmergingConcernDTO.Concern {
        let reference = req.parameters.get("reference") ?? ""
        let found = try await EmergingConcernStore.find(reference, allowing: .raiseEmergingConcern, req)
        let body = try req.content.decode(LinkBody.self)
        switch (FormProblems.clean(body.registerEntry), FormProblems.clean(body.isfDecision)) {
        case (let entry?, nil): try await EmergingConcernIntake.link(found, registerEntry: entry, req)
        case (nil, let decision?): try await EmergingConcernIntake.link(found, isfDecision: decision, req)
        default: throw InvalidForm(field: "registerEntry", "Give either registerEntry or isfDecision, not both or neither.")
        }
        return EmergingConcernDTO.concern(try await EmergingConcernStore.find(reference, allowing: .viewEmergingConcerns, req))
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// The concerns API for integrations. Reporters: `POST /api/v1/concerns` (anonymous answers
/// `{reference, receiptCode}`), and follow-up by the `X-Receipt-Code` header. Handlers: the queue
/// and a case, with a signed-in session.
struct ConcernsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "concerns")
        api.post(use: create)
        api.get("follow-up", use: followUp)
        api.post("follow-up", "messages", use: message)
        api.post("follow-up", "escalate", use: escalate)
        api.get(use: queue)
        api.get(":reference", use: show)
    }

    /// The API body. `anonymity` and `description` are the pinned names; the form's own names
    /// (`howRaised`, `whatHappened`) are accepted too.
    struct NewConcernBody: Content {
        var anonymity: String?
        var howRaised: String?
        var organisation: String?
        var site: String?
        var category: String?
        var description: String?
        var whatHappened: String?
        var desiredOutcome: String?
        var pathway: FlexibleInt?
        var recipient: String?
        var educationProvider: String?
        var name: String?
        var email: String?
    }

    struct Created: Content {
        let reference: String
        let receiptCode: String?
        let status: String
        let pathway: Int
        let respondBy: String
        /// Who handles it now, and why when the regional team stands in for the body it was sent to.
        let handledBy: ConcernHandledBy
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.raiseConcern)
        let body = try req.content.decode(NewConcernBody.self)
        let form = NewConcernForm(howRaised: body.anonymity ?? body.howRaised, organisation: body.organisation, site: body.site,
                                  category: body.category, whatHappened: body.description ?? body.whatHappened,
                                  desiredOutcome: body.desiredOutcome, pathway: body.pathway?.text, recipient: body.recipient,
                                  educationProvider: body.educationProvider, reporterName: body.name, reporterEmail: body.email)
        do {
            let accepted = try await ConcernIntake(req: req).submit(form)
            let c = accepted.concern
            return try await Created(reference: c.reference.value, receiptCode: accepted.receiptCode?.grouped,
                                     status: c.status.rawValue, pathway: c.pathway.rawValue, respondBy: c.currentStage.respondBy.iso,
                                     handledBy: ConcernHandledBy(c.reporterView(on: CalendarDay.today()),
                                                                 regionNames: try await RegionNames.load(req.db)))
                .encodeResponse(status: .created, for: req)
        } catch AppError.invalid(let errors) {
            throw AppError.invalid(errors.map { FieldError(Self.apiName($0.field), $0.message) })
        }
    }

    private static func apiName(_ field: String) -> String {
        switch field {
        case "howRaised": "anonymity"
        case "whatHappened": "description"
        case "reporterName": "name"
        case "reporterEmail": "email"
        default: field
        }
    }

    struct ReporterViewDTO: Content {
        struct Message: Content { let day, from, kind: String; let text: String? }
        let reference, status, category, howRaised, submittedOn, respondBy: String
        let pathway: Int
        let canEscalate, canGiveFeedback: Bool
        /// Escalation is open now with a reason (the pathway is not appropriate).
        let canEscalateWithReason: Bool
        let messages: [Message]
        let timeline: [Message]
        let handledBy: ConcernHandledBy
    }

    @Sendable func followUp(req: Request) async throws -> ReporterViewDTO {
        try req.authorize(.raiseConcern)
        let record = try await ReceiptLookup(req: req).find(try receiptCode(req))
        return try await reporterView(record.reference, req)
    }

    struct MessageBody: Content { var message: String? }

    @Sendable func message(req: Request) async throws -> ReporterViewDTO {
        try req.authorize(.raiseConcern)
        let record = try await ReceiptLookup(req: req).find(try receiptCode(req))
        let text = try req.content.decode(MessageBody.self).message ?? ""
        _ = try await ReporterActions.perform(ReporterActionForm(action: "message", message: text), on: record.reference, req: req)
        return try await reporterView(record.reference, req)
    }

    /// `reason`: why the pathway is not appropriate; with it an open concern may be escalated at
    /// any time (recorded as "pathway not appropriate" when no other trigger applies).
    struct EscalateBody: Content { var educationProvider: String?; var reason: String? }

    @Sendable func escalate(req: Request) async throws -> ReporterViewDTO {
        try req.authorize(.raiseConcern)
        let record = try await ReceiptLookup(req: req).find(try receiptCode(req))
        let body = (try? req.content.decode(EscalateBody.self)) ?? EscalateBody()
        _ = try await ReporterActions.perform(ReporterActionForm(action: "escalate", educationProvider: body.educationProvider,
                                                                 reason: body.reason?.trimmingWhitespace.nilIfEmpty),
                                              on: record.reference, req: req)
        return try await reporterView(record.reference, req)
    }

    private func receiptCode(_ req: Request) throws -> String {
        guard let code = req.headers.first(name: "X-Receipt-Code"), !code.isEmpty else {
            throw AppError.unauthorised
        }
        return code
    }

    private func reporterView(_ reference: String, _ req: Request) async throws -> ReporterViewDTO {
        guard let (_, concern) = try await req.concerns.load(reference) else { throw ReceiptLookup.notFound }
        let page = ReporterCase(concern.reporterView(on: CalendarDay.today()), concern: concern,
                                regionNames: try await RegionNames.load(req.db))
        let lines = page.lines.map { ReporterViewDTO.Message(day: $0.isoDay, from: $0.who, kind: $0.what, text: $0.text) }
        return ReporterViewDTO(reference: page.reference, status: concern.status.rawValue, category: concern.category.rawValue,
                               howRaised: concern.howRaised.rawValue, submittedOn: concern.submittedOn.iso,
                               respondBy: concern.currentStage.respondBy.iso,
                               pathway: concern.pathway.rawValue, canEscalate: page.canEscalate, canGiveFeedback: page.canGiveFeedback,
                               canEscalateWithReason: page.canEscalateWithReason,
                               messages: lines.filter { $0.kind == "Message" || $0.kind == "Outcome" }, timeline: lines,
                               handledBy: page.handledBy)
    }

    struct QueueItemDTO: Content {
        let reference, status, category, howRaised, submittedOn, acknowledgeBy, respondBy, handlingBody: String
        let pathway: Int
        let overdue, safetyFlagged: Bool
        let assignee: String?
        let labels: [String]
        /// The body a stood-in case was meant for; nil when its own body has it.
        let reroutedFrom: String?
    }

    @Sendable func queue(req: Request) async throws -> [QueueItemDTO] {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        let concerns = try await req.concerns.restoreAll(try await ConcernAccess.visible(to: req.actor, on: req.db))
        let today = CalendarDay.today()
        let bodies = Dictionary(uniqueKeysWithValues: concerns.map { ($0.reference, $0.handlingBody.concernAuditText) })
        let rerouted = Dictionary(uniqueKeysWithValues: concerns.map { ($0.reference, $0.currentStage.rerouting?.intended.concernAuditText) })
        return ConcernQueue.items(concerns, matching: .open, on: today).map {
            QueueItemDTO(reference: $0.reference.value, status: $0.status.rawValue, category: $0.category.rawValue,
                         howRaised: $0.howRaised.rawValue, submittedOn: $0.submittedOn.iso, acknowledgeBy: $0.acknowledgeBy.iso,
                         respondBy: $0.respondBy.iso, handlingBody: bodies[$0.reference] ?? "", pathway: $0.pathway.rawValue,
                         overdue: $0.overdue.isOverdue, safetyFlagged: $0.safetyFlagged, assignee: $0.assignee, labels: $0.labels,
                         reroutedFrom: rerouted[$0.reference] ?? nil)
        }
    }

    struct CaseDTO: Content {
        let reference, status, category, howRaised, reporter, handlingBody, respondBy: String
        let pathway: Int
        let timeline: [TimelineDTO]
        let reroutedFrom: String?
        let standIn: String?
    }
    struct TimelineDTO: Content { let day, who, what: String; let text: String?; let isInternal: Bool }

    @Sendable func show(req: Request) async throws -> CaseDTO {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        let reference = req.parameters.get("reference") ?? ""
        guard let (record, concern) = try await req.concerns.load(reference),
              ConcernAccess.allows(req.actor, .viewConcern, record: record) else {
            throw AppError.notFound("No concern has the reference \(reference), or it is not yours to see")
        }
        let page = HandlerCase(concern, today: CalendarDay.today(), names: [:], places: try await ConcernPlaceNames.load(req.db))
        return CaseDTO(reference: page.reference, status: concern.status.rawValue, category: concern.category.rawValue,
                       howRaised: concern.howRaised.rawValue, reporter: page.reporter, handlingBody: concern.handlingBody.concernAuditText,
                       respondBy: concern.currentStage.respondBy.iso, pathway: page.pathwayNumber,
                       timeline: page.lines.map { TimelineDTO(day: $0.isoDay, who: $0.who, what: $0.what, text: $0.text, isInternal: $0.isInternal) },
                       reroutedFrom: concern.currentStage.rerouting?.intended.concernAuditText, standIn: page.standIn)
    }
}

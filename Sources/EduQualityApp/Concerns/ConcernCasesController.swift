import EduQualityDomain
import Fluent
import Vapor

/// Handlers' case work: the queue of the bodies they handle, each case with its whole history, and
/// the actions on it. Every action is a domain method; the page never sets a status itself.
struct ConcernCasesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let concerns = routes.grouped("concerns")
        concerns.get("queue", use: queue)
        concerns.get("cases", ":reference", use: show)
        concerns.post("cases", ":reference", ":action", use: act)
    }

    struct QueueRow: Encodable {
        let reference, status, category, pathway, howRaised, submittedOn, respondBy, body: String
        let overdue: String?
        let assignee: String?
        let labels: String
        let safetyFlagged: Bool
        /// The body a stood-in case was meant for (see `ConcernRouting`).
        let reroutedFrom: String?
    }
    struct CountRow: Encodable { let label: String; let count: Int }
    struct QueuePage: Encodable {
        let layout: Layout
        let statuses, categories, pathways: [SelectOption]
        let overdueOnly: Bool
        let mineOnly: Bool
        let label: String
        let counts: [CountRow]
        let total, overdue, unassigned: Int
        let page: Page<QueueRow>
    }

    @Sendable func queue(req: Request) async throws -> View {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        let handles = req.actor.assignments.contains { Authorization.permittedActions(for: $0.role).contains(.viewConcern) }
        guard handles else { throw AppError.forbidden }
        let today = CalendarDay.today()
        let status = req.query[String.self, at: "status"].flatMap(ConcernStatus.init(rawValue:))
        let category = req.query[String.self, at: "category"].flatMap(ConcernCategory.init(rawValue:))
        let pathway = req.query[String.self, at: "pathway"].flatMap(Int.init).flatMap(EscalationPathway.init(rawValue:))
        let overdueOnly = req.query[String.self, at: "overdue"] == "1"
        let mineOnly = req.query[String.self, at: "mine"] == "1"
        let label = (req.query[String.self, at: "label"] ?? "").trimmingWhitespace
        let number = try req.pageNumber()
        for (key, parsed) in [("status", status != nil), ("category", category != nil), ("pathway", pathway != nil)] {
            if let raw = req.query[String.self, at: key], !raw.isEmpty, !parsed {
                throw AppError.badRequest("\(key): \"\(raw)\" is not a known value")
            }
        }
        let records = try await ConcernAccess.visible(to: req.actor, on: req.db)
        let concerns = try await req.concerns.restoreAll(records)
        var filter = status == nil ? ConcernQueueFilter.open : ConcernQueueFilter(statuses: [status!])
        if let category { filter.categories = [category] }
        if let pathway { filter.pathways = [pathway] }
        if overdueOnly { filter.overdue = true }
        if mineOnly, let me = req.signedIn?.user.id?.uuidString { filter.assignee = .assigned(to: me) }
        if !label.isEmpty { filter.label = label }
        let items = ConcernQueue.items(concerns, matching: filter, on: today)
        let counts = ConcernQueue.counts(concerns, on: today)
        let names = try await userNames(req, ids: items.compactMap(\.assignee))
        let places = try await ConcernPlaceNames.load(req.db)
        let bodies = Dictionary(uniqueKeysWithValues: concerns.map { ($0.reference, places.team($0.handlingBody)) })
        let rerouted = Dictionary(uniqueKeysWithValues: concerns.map { ($0.reference, $0.currentStage.rerouting.map { places.team($0.intended) }) })
        let rows = items.dropFirst((number - 1) * Page<QueueRow>.perPage).prefix(Page<QueueRow>.perPage).map { i in
            QueueRow(reference: i.reference.value, status: i.status.displayName, category: i.category.displayName,
                     pathway: String(i.pathway.rawValue), howRaised: i.howRaised.displayName, submittedOn: i.submittedOn.longDescription,
                     respondBy: i.respondBy.longDescription, body: bodies[i.reference] ?? "",
                     overdue: i.overdue.response ? "Response overdue" : i.overdue.acknowledgement ? "Acknowledgement overdue" : nil,
                     assignee: i.assignee.map { names[$0] ?? "a colleague" }, labels: i.labels.joined(separator: ", "),
                     safetyFlagged: i.safetyFlagged, reroutedFrom: rerouted[i.reference] ?? nil)
        }
        return try await req.view.render("concerns/queue", QueuePage(
            layout: req.layout(title: "Concerns to handle"),
            statuses: ConcernStatus.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == status) },
            categories: ConcernCategory.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == category) },
            pathways: EscalationPathway.allCases.map { SelectOption(code: String($0.rawValue), name: $0.title, selected: $0 == pathway) },
            overdueOnly: overdueOnly, mineOnly: mineOnly, label: label,
            counts: ConcernStatus.allCases.map { CountRow(label: $0.displayName, count: counts.byStatus[$0] ?? 0) },
            total: counts.total, overdue: counts.overdue, unassigned: counts.unassigned,
            page: req.page(Array(rows), number: number, total: items.count)))
    }

    struct CasePage: Encodable {
        let layout: Layout
        let concern: HandlerCase
        let canWork: Bool
        let canDecide: Bool
        let colleagues: [SelectOption]
        let educationProviders: [SelectOption]
        let transferChoices: [SelectOptionGroup]
        let next: String?
        let errors: FormErrors
        let actions: [String: Bool]
        /// For a quality team member who may write to the register at the placement.
        let registerHref: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        try await render(req, reference: req.parameters.get("reference") ?? "", flash: nil, errors: [])
    }

    struct ActionForm: Content {
        var text: String?
        var assignee: String?
        var label: String?
        var educationProvider: String?
        /// The transfer's team, one of `ConcernTransferChoices`.
        var body: String?
    }

    @Sendable func act(req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let name = req.parameters.get("action") ?? ""
        guard let event = ConcernEvent(rawValue: name), let required = event.requiredHandlerAction else {
            throw AppError.notFound("No such action on a concern")
        }
        guard let signedIn = req.signedIn else { throw AppError.unauthorised }
        guard let (record, before) = try await req.concerns.load(reference),
              ConcernAccess.allows(req.actor, .viewConcern, record: record) else {
            throw AppError.notFound("No concern has the reference \(reference), or it is not yours to see")
        }
        guard ConcernAccess.allows(req.actor, required, body: before.handlingBody, safetyRegion: nil) else {
            throw AppError.forbidden
        }
        let form = try req.content.decode(ActionForm.self)
        let me = signedIn.user.id!.uuidString
        let today = CalendarDay.today()
        let clocks = req.config.concernClocks
        do {
            let body = event == .transfer ? try await ConcernTransferChoices.body(form.body, for: before, on: req.db) : nil
            try await validateAssignee(form.assignee, event: event, concern: before, req: req)
            let staffing = event == .escalate ? try await ConcernStaffing.current(on: req.db) : .assumeStaffed
            let siteURL = req.application.siteURL
            let notices: ConcernStore.Notices? = switch event {
            case .escalate, .transfer: ConcernNotifier.newCase(siteURL: siteURL)
            case .messageReporter, .resolve:
                ConcernNotifier.replyReceived(siteURL: siteURL, accountEmail: try await accountEmail(record, req))
            default: nil
            }
            let concern = try await req.concerns.change(reference, actor: req.auditActor, notices: notices) { c in
                let text = form.text ?? ""
                return switch event {
                case .acknowledge: [try c.acknowledge(by: me, on: today)]
                case .startWork: [try c.startWork(by: me, on: today)]
                case .resolve: [try c.resolve(outcome: text, by: me, on: today)]
                case .reopen: [try c.reopen(by: me, on: today)]
                case .close: [try c.close(by: me, on: today)]
                case .escalate:
                    [try c.escalate(by: .handler(userID: me), reason: text.isEmpty ? nil : text, on: today,
                                    educationProvider: form.educationProvider, clocks: clocks, staffing: staffing)]
                case .transfer: [try c.transfer(to: body!, reason: text, by: me, on: today, clocks: clocks)]
                case .messageReporter: [try c.messageReporter(text, by: me, on: today)]
                case .addInternalNote: [try c.addInternalNote(text, by: me, on: today)]
                case .assign: [try c.assign(to: form.assignee?.isEmpty == false ? form.assignee : nil, by: me, on: today)]
                case .addLabel: [try c.addLabel(form.label ?? "", by: me, on: today)]
                case .removeLabel: [try c.removeLabel(form.label ?? "", by: me, on: today)]
                case .receiveReporterMessage, .recordFeedback, .grantNameSharingConsent: []
                }
            }
            // Someone who moved the case away may no longer see it.
            if !ConcernAccess.allows(req.actor, .viewConcern, body: concern.handlingBody, safetyRegion: concern.regionalSafetyVisibility) {
                return req.redirect(to: "/concerns/queue")
            }
            return req.redirect(to: "/concerns/cases/\(reference)")
        } catch let error as AppError {
            let errors: [FieldError] = if case .invalid(let list) = error { list } else { [FieldError("text", error.detail)] }
            return try await render(req, reference: reference, flash: nil, errors: errors).response(error.status)
        }
    }

    /// A case is assigned only to someone who can work on it.
    private func validateAssignee(_ id: String?, event: ConcernEvent, concern: Concern, req: Request) async throws {
        guard event == .assign, let id, !id.isEmpty else { return }
        guard let uuid = UUID(uuidString: id),
              let user = try await User.query(on: req.db).filter(\.$id == uuid).with(\.$roles).first(),
              Authorization.isAllowed(user.actor, .workOnConcern, .caseQueue(concern.handlingBody)) else {
            throw AppError.invalid([FieldError("assignee", "Choose a colleague who handles this queue")])
        }
    }

    private func accountEmail(_ record: ConcernRecord, _ req: Request) async throws -> String? {
        guard let id = record.accountID.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await User.find(id, on: req.db)?.email
    }

    func render(_ req: Request, reference: String, flash: String?, errors: [FieldError]) async throws -> View {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        guard let (record, concern) = try await req.concerns.load(reference),
              ConcernAccess.allows(req.actor, .viewConcern, record: record) else {
            throw AppError.notFound("No concern has the reference \(reference), or it is not yours to see")
        }
        let today = CalendarDay.today()
        let body = concern.handlingBody
        let permitted = Set([Action.workOnConcern, .decideConcern].filter { ConcernAccess.allows(req.actor, $0, body: body, safetyRegion: nil) })
        let canWork = permitted.contains(.workOnConcern)
        let canDecide = permitted.contains(.decideConcern)
        let handlerIDs = concern.timeline.compactMap { e -> String? in if case .handler(let id) = e.author { id } else { nil } }
        var names = try await userNames(req, ids: handlerIDs + [concern.assignee].compactMap { $0 })
        let colleagues = try await User.query(on: req.db).with(\.$roles).all()
            .filter { $0.isActive && Authorization.isAllowed($0.actor, .workOnConcern, .caseQueue(body)) }
        for c in colleagues { names[c.id!.uuidString] = c.displayName }
        let allowed = concern.handlerActions(permitted: permitted)
        var actions: [String: Bool] = [:]
        for event in ConcernEvent.allCases where event.requiredHandlerAction != nil {
            actions[event.rawValue.replacingOccurrences(of: "-", with: "_")] = allowed.contains(event)
        }
        return try await req.view.render("concerns/case", CasePage(
            layout: req.layout(title: "Concern \(reference)", flash: flash), concern: HandlerCase(concern, today: today, names: names,
                                                                                          places: try await ConcernPlaceNames.load(req.db)),
            canWork: canWork, canDecide: canDecide,
            colleagues: colleagues.map { SelectOption(code: $0.id!.uuidString, name: $0.displayName, selected: $0.id?.uuidString == concern.assignee) },
            educationProviders: try await ConcernFormOptions.educationProviders(req.db, selected: concern.educationProvider),
            transferChoices: allowed.contains(.transfer) ? try await ConcernTransferChoices.groups(for: concern, on: req.db) : [],
            next: concern.pathway.next?.title, errors: FormErrors(errors), actions: actions,
            registerHref: Authorization.isAllowed(req.actor, .editQualityRegister, .located(Location(
                region: concern.submission.placement.region, organisation: concern.submission.placement.organisation)))
                ? "/register/new?sourceKind=concern&sourceReference=\(concern.reference.value)" : nil))
    }

    private func userNames(_ req: Request, ids: [String]) async throws -> [String: String] {
        let uuids = Set(ids.compactMap(UUID.init(uuidString:)))
        guard !uuids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await User.query(on: req.db).filter(\.$id ~~ uuids).all()
            .map { ($0.id!.uuidString, $0.displayName) })
    }
}

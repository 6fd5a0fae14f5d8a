import EduQualityDomain
import Fluent
import Vapor

/// The triage queue of survey comments for regional quality teams: patient-safety, bullying and
/// "could be improved" comments of their region, keyword-flagged ones first, with the placement
/// but never the respondent. Each comment is marked once: no action, share with the provider, or
/// immediate serious risk (shared at once and opened as a concern). Providers read what was
/// shared with them.
struct CommentTriageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("triage", use: queue)
        routes.post("triage", ":id", use: triage)
        routes.get("comments", "shared", use: shared)
    }

    struct Row: Encodable {
        let id: Int
        let round, kind, text, organisation: String
        let site: String?
        let profession: String
        let specialty, level: String?
        let placementType, submittedOn, keywords, status: String
        let age: String
        let concern: String?
        let untriaged: Bool
    }
    struct Count: Encodable { let label: String; let count: Int }
    struct QueuePage: Encodable {
        let layout: Layout
        let statuses: [SelectOption]
        let regions: [SelectOption]
        let byStatus: [Count]
        let byAge: [Count]
        let page: Page<Row>
        let outcomes: [SelectOption]
        let errors: FormErrors
    }

    /// The regions whose comments this person triages; nil means every region.
    private func regions(_ req: Request) throws -> [String]? {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        let grants = req.actor.assignments.filter { Authorization.permittedActions(for: $0.role).contains(.triageComments) }
        if grants.contains(where: { $0.scope == .national }) { return nil }
        let regions = grants.compactMap { if case .region(let r) = $0.scope { r } else { nil } }
        guard !regions.isEmpty else { throw AppError.forbidden }
        return regions
    }

    @Sendable func queue(req: Request) async throws -> View {
        try await render(req, errors: [])
    }

    private func render(_ req: Request, errors: [FieldError]) async throws -> View {
        let allowed = try regions(req)
        let status = req.query[String.self, at: "status"] ?? CommentTriageOutcome.untriaged.rawValue
        guard CommentTriageOutcome(rawValue: status) != nil || status == "all" else {
            throw AppError.badRequest("status: use untriaged, no-action, share-with-provider, immediate-serious-risk or all")
        }
        let region = req.query[String.self, at: "region"] ?? ""
        if !region.isEmpty, let allowed, !allowed.contains(region) { throw AppError.forbidden }
        let number = try req.pageNumber()
        func base() -> QueryBuilder<SurveyCommentRecord> {
            let q = SurveyCommentRecord.query(on: req.db).filter(\.$triageStatus != "not-for-triage")
            if !region.isEmpty { q.filter(\.$region == region) } else if let allowed { q.filter(\.$region ~~ allowed) }
            return q
        }
        let query = base()
        if status != "all" { query.filter(\.$triageStatus == status) }
        let total = try await query.count()
        let today = CalendarDay.today()
        let records = try await query.sort(\.$keywordScore, .descending).sort(\.$submittedOn).sort(\.$id)
            .page(number)
        let names = try await ReportNames.load(req.db, engine: nil)
        let rows = records.map { c in
            Row(id: c.id!, round: c.roundCode, kind: FreeTextKind(rawValue: c.kind).map(Self.kindName) ?? c.kind, text: c.text,
                organisation: names.name(c.organisation, .organisation), site: c.site.map { names.name($0, .site) },
                profession: names.name(c.profession, .profession), specialty: c.specialty.map { names.name($0, .specialty) },
                level: c.level.map { names.name($0, .level) }, placementType: names.name(c.placementType, .placementType),
                submittedOn: c.submittedOn, keywords: c.keywords.replacingOccurrences(of: ",", with: ", "),
                status: CommentTriageOutcome(rawValue: c.triageStatus)?.displayName ?? c.triageStatus,
                age: CalendarDay(iso: c.submittedOn).map { CommentEscalation.ageBand(submittedOn: $0, today: today) } ?? "",
                concern: c.concernReference, untriaged: c.triageStatus == CommentTriageOutcome.untriaged.rawValue)
        }
        // Counts by status, and the untriaged ones by age.
        let all = try await base().all(\.$triageStatus)
        let untriagedDays = try await base().filter(\.$triageStatus == CommentTriageOutcome.untriaged.rawValue).all(\.$submittedOn)
        let byAge = Dictionary(grouping: untriagedDays.compactMap(CalendarDay.init(iso:)), by: { CommentEscalation.ageBand(submittedOn: $0, today: today) })
        let regionRecords = try await Region.query(on: req.db).sort(\.$name).all().filter { allowed?.contains($0.code) ?? true }
        return try await req.view.render("triage/queue", QueuePage(
            layout: req.layout(title: "Survey comments to triage"),
            statuses: (CommentTriageOutcome.allCases.map { ($0.rawValue, $0.displayName) } + [("all", "All")])
                .map { SelectOption(code: $0.0, name: $0.1, selected: $0.0 == status) },
            regions: regionRecords.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == region) },
            byStatus: CommentTriageOutcome.allCases.map { o in Count(label: o.displayName, count: all.filter { $0 == o.rawValue }.count) },
            byAge: ["up to a week", "8 to 30 days", "over 30 days"].map { Count(label: $0, count: byAge[$0]?.count ?? 0) },
            page: req.page(rows, number: number, total: total),
            outcomes: CommentTriageOutcome.allCases.filter { $0 != .untriaged }.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: false) },
            errors: FormErrors(errors)))
    }

    static func kindName(_ kind: FreeTextKind) -> String {
        switch kind {
        case .workedWell: "What worked well"
        case .couldBeImproved: "What could be improved"
        case .patientSafety: "Patient safety concern"
        }
    }

    struct TriageForm: Content {
        var outcome: String?
        var note: String?
    }

    @Sendable func triage(req: Request) async throws -> Response {
        _ = try regions(req)
        guard let id = req.parameters.get("id", as: Int.self),
              let comment = try await SurveyCommentRecord.find(id, on: req.db),
              comment.triageStatus != "not-for-triage" else { throw AppError.notFound("No such comment") }
        try req.authorize(.triageComments, .located(Location(region: comment.region)))
        let form = try req.content.decode(TriageForm.self)
        guard let outcome = CommentTriageOutcome(rawValue: form.outcome ?? ""), outcome != .untriaged else {
            return try await render(req, errors: [FieldError("outcome-\(id)", "Choose what to do with the comment")]).response(.badRequest)
        }
        let current = CommentTriageOutcome(rawValue: comment.triageStatus) ?? .untriaged
        guard current.mayChange(to: outcome) else {
            throw AppError.conflict("This comment has already been triaged (\(current.displayName)).")
        }
        let note = form.note?.trimmingWhitespace
        let concernReference = outcome == .immediateSeriousRisk ? try await openConcern(from: comment, req: req) : nil
        let today = CalendarDay.today().iso
        let before = ["status": current.rawValue]
        var changed = ["status": outcome.rawValue]
        changed["concern"] = concernReference
        let after = changed
        try await req.db.audited(actor: req.auditActor) { db in
            comment.triageStatus = outcome.rawValue
            comment.triagedBy = req.auditActor
            comment.triagedOn = today
            comment.triageNote = note?.isEmpty == false ? String(note!.prefix(2000)) : nil
            comment.concernReference = concernReference
            try await comment.update(on: db)
            return ((), [AuditEvent(action: "survey-comment.triage", entityType: "survey-comment", entityID: String(id),
                                    before: before, after: after)])
        }
        if outcome != .noAction { try await notifyProvider(comment, outcome: outcome, req: req) }
        return req.redirect(to: "/triage?status=untriaged")
    }

    /// An immediate serious risk goes to the provider at once, as a concern at pathway 1.
    private func openConcern(from comment: SurveyCommentRecord, req: Request) async throws -> String {
        let lists = comment.keywords.split(separator: ",").map(String.init)
        // The provider reads the concern: its site only where the shared comment would show it.
        let placement = try await comment.sharedPlacement(threshold: req.config.disclosureThreshold, on: req.db)
        let form = NewConcernForm(howRaised: HowRaised.anonymous.rawValue, region: comment.region,
                                  organisation: comment.organisation, site: placement.site,
                                  category: CommentEscalation.category(freeTextKind: comment.kind, keywordLists: lists).rawValue,
                                  whatHappened: "From the learner survey (\(comment.roundCode)), judged an immediate serious risk by the regional quality team:\n\n\(comment.text)",
                                  pathway: "1")
        let submission = try form.validated()
        let concern = try await req.concerns.create(submission, receiptDigest: nil, actor: req.auditActor,
                                                    notices: ConcernNotifier.newCase(siteURL: req.application.siteURL))
        return concern.reference.value
    }

    private func notifyProvider(_ comment: SurveyCommentRecord, outcome: CommentTriageOutcome, req: Request) async throws {
        let leads = try await RoleGrant.query(on: req.db).filter(\.$role == Role.providerEducationLead.rawValue)
            .filter(\.$organisationCode == comment.organisation).with(\.$user).all()
        for lead in leads where lead.user.isActive {
            let subject = outcome == .immediateSeriousRisk
                ? "Immediate serious risk: a learner survey comment about your organisation"
                : "A learner survey comment was shared with your organisation"
            try await OutboxMessage(recipient: lead.user.email, subject: subject,
                                    body: "The regional quality team shared a learner survey comment with you. Read it at \(req.application.link("/comments/shared")).",
                                    kind: "shared-comment", dedupeKey: "shared-comment:\(comment.id!):\(lead.user.email)").create(on: req.db)
        }
    }

    struct SharedRow: Encodable { let round, kind, text, placement, status: String; let concern: String? }
    struct SharedPage: Encodable { let layout: Layout; let page: Page<SharedRow>; let threshold: Int }

    @Sendable func shared(req: Request) async throws -> View {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        let orgs = req.actor.assignments.filter { Authorization.permittedActions(for: $0.role).contains(.viewSharedComments) }
            .compactMap { if case .organisation(let o) = $0.scope { o } else { nil } }
        guard !orgs.isEmpty else { throw AppError.forbidden }
        let number = try req.pageNumber()
        let query = SurveyCommentRecord.query(on: req.db).filter(\.$organisation ~~ orgs)
            .filter(\.$triageStatus ~~ [CommentTriageOutcome.shareWithProvider.rawValue, CommentTriageOutcome.immediateSeriousRisk.rawValue])
        let total = try await query.count()
        let names = try await ReportNames.load(req.db, engine: nil)
        let threshold = req.config.disclosureThreshold
        var rows: [SharedRow] = []
        for c in try await query.sort(\.$triagedOn, .descending).sort(\.$id).page(number)
        where Authorization.isAllowed(req.actor, .viewSharedComments, .located(Location(region: c.region, organisation: c.organisation))) {
            let placement = try await c.sharedPlacement(threshold: threshold, on: req.db)
            let shown = [placement.site.map { names.name($0, .site) }, placement.profession.map { names.name($0, .profession) },
                         placement.level.map { names.name($0, .level) }].compactMap { $0 }
            rows.append(SharedRow(round: c.roundCode, kind: FreeTextKind(rawValue: c.kind).map(Self.kindName) ?? c.kind, text: c.text,
                                  placement: shown.isEmpty ? "" : shown.joined(separator: ", ") + ".",
                                  status: CommentTriageOutcome(rawValue: c.triageStatus)?.displayName ?? "",
                                  concern: c.concernReference))
        }
        return try await req.view.render("triage/shared", SharedPage(layout: req.layout(title: "Survey comments shared with you"),
                                                                    page: req.page(rows, number: number, total: total),
                                                                    threshold: threshold.value))
    }
}

extension SurveyCommentRecord {
    /// The placement a provider may see (see `SharedCommentPlacement`), counted over the round's
    /// stored respondents at the comment's organisation.
    func sharedPlacement(threshold: DisclosureThreshold, on db: any Database) async throws -> SharedCommentPlacement {
        let respondents = try await SurveyResponseRecord.query(on: db).filter(\.$roundCode == roundCode)
            .filter(\.$organisation == organisation).field(\.$site).field(\.$profession).field(\.$level).all()
        return SharedCommentPlacement(site: site, profession: profession, level: level, threshold: threshold,
                                      among: respondents.map { .init(site: $0.site, profession: $0.profession, level: $0.level) })
    }
}

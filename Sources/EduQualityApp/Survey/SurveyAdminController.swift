import EduQualityDomain
import Fluent
import Vapor

/// Survey administration: rounds (create, move dates, attach a questionnaire), questionnaire
/// versions (upload a file; a version in use can no longer change), and importing responses by
/// uploading a file, with a progress page and the same line-numbered errors as the command.
struct SurveyAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let survey = routes.grouped("admin", "survey")
        survey.get(use: index)
        survey.post("rounds", use: createRound)
        survey.post("rounds", ":code", use: updateRound)
        survey.post("rounds", ":code", "publish", use: publishRound)
        survey.upload("questionnaires", limit: "5mb", use: uploadQuestionnaire)
        survey.upload("imports", limit: "512mb", use: startImport)
        survey.get("imports", ":id", use: importProgress)
    }

    struct RoundRow: Encodable {
        let code, opens, closes, state, questionnaire: String
        let responses: Int
        /// "Published 2026-12-02 (version 3)" or "Not published".
        let publication: String
        let published: Bool
        let waiting: Int
    }
    struct VersionRow: Encodable { let code, title, createdOn: String; let frozen: Bool }
    struct IndexPage: Encodable {
        let layout: Layout
        let rounds: [RoundRow]
        let versions: [VersionRow]
        let roundOptions: [SelectOption]
        let versionOptions: [SelectOption]
        let errors: FormErrors
        let roundFields: [FormField]
        let canPublish: Bool
    }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.manageSurveyRounds)
        return try await render(req, errors: [], input: nil)
    }

    private func render(_ req: Request, errors: [FieldError], input: RoundForm?, flash: String? = nil) async throws -> View {
        let today = CalendarDay.today()
        var rounds: [RoundRow] = []
        let roundVersions = req.roundVersions()
        for (record, round) in try await req.surveyCatalog.allRounds() {
            let n = try await SurveyResponseRecord.query(on: req.db).filter(\.$roundCode == record.code).count()
            let history = try await roundVersions.history(of: record, round)
            let publication = history.latestPublication.map { "Published \($0.madeOn) (version \($0.number))" }
                ?? "Not published"
            rounds.append(RoundRow(code: round.code.rawValue, opens: round.opens.iso, closes: round.closes.iso,
                                   state: round.state(on: today).rawValue, questionnaire: round.questionnaireVersion ?? "none",
                                   responses: n, publication: publication, published: history.isPublished,
                                   waiting: n - history.responses))
        }
        let versions = try await QuestionnaireRecord.query(on: req.db).sort(\.$code).all()
        let e = FormErrors(errors)
        let versionOptions = versions.map { SelectOption(code: $0.code, name: "\($0.code): \($0.title)", selected: $0.code == input?.questionnaire) }
        return try await req.view.render("admin/survey", IndexPage(
            layout: req.layout(title: "Survey rounds and questionnaires", flash: flash), rounds: rounds,
            versions: versions.map { VersionRow(code: $0.code, title: $0.title, createdOn: $0.createdOn, frozen: $0.frozen) },
            roundOptions: rounds.map { SelectOption(code: $0.code, name: $0.code, selected: false) },
            versionOptions: versionOptions, errors: e,
            roundFields: [
                FormField("code", "Round code", value: input?.code, hint: "Letters, digits and hyphens, e.g. NETS-2027", errors: e,
                          width: "nhsuk-input--width-20"),
                FormField("opens", "Opens (YYYY-MM-DD)", kind: .text, value: input?.opens, errors: e, width: "nhsuk-input--width-10"),
                FormField("closes", "Closes (YYYY-MM-DD)", kind: .text, value: input?.closes, errors: e, width: "nhsuk-input--width-10"),
                FormField("questionnaire", "Questionnaire version", kind: .select, errors: e, options: versionOptions),
            ],
            canPublish: Authorization.isAllowed(req.actor, .publishSurveyRound, .service)))
    }

    /// A national lead publishes a closed round (or re-publishes it after late responses).
    @Sendable func publishRound(req: Request) async throws -> Response {
        try req.authorize(.publishSurveyRound)
        let code = req.parameters.get("code") ?? ""
        do {
            let made = try await req.roundVersions().publish(code)
            return try await render(req, errors: [], input: nil, flash: made.publicationMessage(code.uppercased()))
                .encodeResponse(for: req)
        } catch AppError.conflict(let message) {
            return try await render(req, errors: [FieldError("round-\(code)", message)], input: nil).response(.conflict)
        }
    }

    struct RoundForm: Content { var code, opens, closes, questionnaire: String? }

    @Sendable func createRound(req: Request) async throws -> Response {
        try req.authorize(.manageSurveyRounds)
        let form = try req.content.decode(RoundForm.self)
        do {
            let round = try await req.surveyAdministration.createRound(.init(code: form.code ?? "", opens: form.opens ?? "",
                                                                            closes: form.closes ?? "", questionnaire: form.questionnaire))
            return try await render(req, errors: [], input: nil, flash: "Round \(round.code) created.").response(.created)
        } catch AppError.invalid(let errors) {
            return try await render(req, errors: errors, input: form).response(.badRequest)
        }
    }

    @Sendable func updateRound(req: Request) async throws -> Response {
        try req.authorize(.manageSurveyRounds)
        let code = req.parameters.get("code") ?? ""
        let form = try req.content.decode(RoundForm.self)
        do {
            try await req.surveyAdministration.updateRound(code, opens: form.opens ?? "", closes: form.closes ?? "",
                                                           questionnaire: form.questionnaire)
            return try await render(req, errors: [], input: nil, flash: "Round \(code) updated.").encodeResponse(for: req)
        } catch AppError.invalid(let errors) {
            return try await render(req, errors: errors.map { FieldError("round-\(code)", $0.message) }, input: nil).response(.badRequest)
        }
    }

    struct QuestionnaireUpload: Content { var file: File? }

    @Sendable func uploadQuestionnaire(req: Request) async throws -> Response {
        try req.authorize(.manageQuestionnaires)
        let upload = try req.content.decode(QuestionnaireUpload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await render(req, errors: [FieldError("questionnaireFile", "Choose a questionnaire version file (JSON)")], input: nil)
                .response(.badRequest)
        }
        let professions = Set(try await Term.query(on: req.db).filter(\.$vocabulary == Vocabulary.profession.rawValue).all().map(\.code))
        do {
            let q = try await req.surveyAdministration.addQuestionnaire(json: String(buffer: file.data), knownProfessions: professions)
            return try await render(req, errors: [], input: nil,
                                    flash: "Questionnaire \(q.version) stored: \(q.themes.count) themes, \(q.items.count) items.")
                .response(.created)
        } catch AppError.invalid(let errors) {
            return try await render(req, errors: errors.map { FieldError("questionnaireFile", $0.message) }, input: nil).response(.badRequest)
        }
    }

    struct ImportUpload: Content {
        var round: String?
        var dryRun: String?
        var file: File?
    }

    @Sendable func startImport(req: Request) async throws -> Response {
        try req.authorize(.importSurveyResponses)
        let upload = try req.content.decode(ImportUpload.self)
        guard let round = upload.round, !round.isEmpty, try await req.surveyCatalog.round(round) != nil else {
            return try await render(req, errors: [FieldError("importRound", "Choose the round the responses belong to")], input: nil)
                .response(.badRequest)
        }
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await render(req, errors: [FieldError("importFile", "Choose a CSV file of responses")], input: nil).response(.badRequest)
        }
        let path = NSTemporaryDirectory() + "eduquality-import-\(UUID().uuidString).csv"
        try Data(buffer: file.data).write(to: URL(fileURLWithPath: path))
        let jobs = req.application.importJobs
        let dryRun = upload.dryRun == "true"
        let id = await jobs.start(round: round, fileName: file.filename, dryRun: dryRun)
        let importer = ResponseImporter(db: req.application.db, catalog: req.application.surveyCatalog,
                                        keywords: req.application.commentKeywords, actor: req.auditActor)
        Task.detached {
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                let outcome = try await importer.run(file: path, round: round, dryRun: dryRun) { p in
                    Task { await jobs.update(id, progress: p) }
                }
                await jobs.finish(id, outcome: outcome)
            } catch let rejected as ImportRejected {
                await jobs.fail(id, errors: rejected.errors.map(\.description))
            } catch {
                await jobs.fail(id, errors: ["The import stopped: \(error)"])
            }
        }
        return req.redirect(to: "/admin/survey/imports/\(id.uuidString)")
    }

    struct ProgressPage: Encodable {
        let layout: Layout
        let round, fileName: String
        let dryRun, finished, valid: Bool
        let phase: String
        let percent: Int
        let rows: Int
        let imported, alreadyStored: Int?
        let errors: [String]
        let moreErrors: Int
    }

    @Sendable func importProgress(req: Request) async throws -> Response {
        try req.authorize(.importSurveyResponses)
        guard let id = req.parameters.get("id", as: UUID.self), let job = await req.application.importJobs.job(id) else {
            throw AppError.notFound("No such import")
        }
        let outcome = job.outcome
        let errors = job.failure ?? outcome?.errors.map(\.description) ?? []
        let page = ProgressPage(
            layout: req.layout(title: job.finished ? "Import finished" : "Importing responses"), round: job.round,
            fileName: job.fileName, dryRun: job.dryRun, finished: job.finished, valid: job.failure == nil && (outcome?.isValid ?? true),
            phase: job.progress?.phase.rawValue ?? "starting", percent: Int((job.progress?.fraction ?? 0) * 100),
            rows: outcome?.rows ?? job.progress?.rows ?? 0, imported: outcome?.imported, alreadyStored: outcome?.alreadyStored,
            errors: errors, moreErrors: max(0, (outcome?.errorCount ?? 0) - errors.count))
        let response = try await req.view.render("admin/survey-import", page).encodeResponse(for: req)
        // Without JavaScript, the page refreshes itself until the import is done.
        if !job.finished { response.headers.replaceOrAdd(name: "Refresh", value: "2") }
        return response
    }
}

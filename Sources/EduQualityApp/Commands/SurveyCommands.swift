import EduQualityDomain
import Fluent
import Vapor

/// `eduquality rounds create --code CODE --opens YYYY-MM-DD --closes YYYY-MM-DD [--questionnaire VERSION]`,
/// `eduquality rounds list`, `eduquality rounds set-questionnaire CODE VERSION` and
/// `eduquality rounds publish CODE`.
struct RoundsCommands: AsyncCommandGroup {
    var help: String { "Survey round commands." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": CreateRoundCommand(), "list": ListRoundsCommand(), "publish": PublishRoundCommand(),
         "set-questionnaire": SetRoundQuestionnaireCommand()]
    }
}

struct PublishRoundCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "Round code, e.g. NETS-2026") var code: String
    }
    var help: String { "Publishes a closed round's figures (or re-publishes it after late responses)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        do {
            let made = try await app.roundVersions(actor: "system:command-line").publish(signature.code)
            context.console.print(made.publicationMessage(signature.code.uppercased()))
        } catch let error as AppError {
            context.console.error(error.detail)
            throw CommandFailed()
        }
    }
}

struct CreateRoundCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "Round code, e.g. NETS-2026") var code: String?
        @Option(name: "opens", help: "Opening day, YYYY-MM-DD") var opens: String?
        @Option(name: "closes", help: "Closing day, YYYY-MM-DD") var closes: String?
        @Option(name: "questionnaire", help: "Questionnaire version code") var questionnaire: String?
    }
    var help: String { "Creates a survey round (on the latest questionnaire version unless --questionnaire names one)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let admin = SurveyAdministration(db: app.db, cache: app.storage[QuestionnaireCacheKey.self]!, actor: "system:command-line")
        // A round without a questionnaire can be neither taken nor imported into.
        let latest = signature.questionnaire == nil ? try await SurveyAdministration.latestQuestionnaire(on: app.db) : nil
        do {
            let round = try await admin.createRound(.init(code: signature.code ?? "", opens: signature.opens ?? "",
                                                          closes: signature.closes ?? "",
                                                          questionnaire: signature.questionnaire ?? latest))
            let version = round.questionnaireVersion.map { v in
                ", questionnaire \(v)" + (latest != nil ? " (the latest version; choose another with --questionnaire)" : "")
            } ?? ", no questionnaire yet (add one with `questionnaires add`, then `rounds set-questionnaire`)"
            context.console.print("Round \(round.code) created: \(round.opens) to \(round.closes), \(round.state(on: .today()).rawValue)"
                                  + version)
        } catch AppError.invalid(let errors) {
            for e in errors { context.console.error("--\(e.field): \(e.message)") }
            throw CommandFailed()
        }
    }
}

struct SetRoundQuestionnaireCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "Round code, e.g. NETS-2026") var code: String
        @Argument(name: "version", help: "Questionnaire version code") var version: String
    }
    var help: String { "Attaches a questionnaire version to a round (refused once the round has opened or has responses)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let admin = SurveyAdministration(db: app.db, cache: app.storage[QuestionnaireCacheKey.self]!, actor: "system:command-line")
        guard let round = try await app.surveyCatalog.round(signature.code) else {
            context.console.error("There is no survey round \(signature.code)")
            throw CommandFailed()
        }
        do {
            try await admin.updateRound(round.code.rawValue, opens: round.opens.iso, closes: round.closes.iso,
                                        questionnaire: signature.version)
            context.console.print("Round \(round.code) now uses questionnaire \(signature.version).")
        } catch AppError.invalid(let errors) {
            for e in errors { context.console.error(e.message) }
            throw CommandFailed()
        }
    }
}

struct ListRoundsCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Lists survey rounds." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let today = CalendarDay.today()
        let versions = app.roundVersions(actor: "system:command-line")
        for (record, round) in try await app.surveyCatalog.allRounds() {
            let n = try await SurveyResponseRecord.query(on: app.db).filter(\.$roundCode == record.code).count()
            let history = try await versions.history(of: record, round)
            let publication = history.latestPublication.map { "published \($0.madeOn) (version \($0.number))" } ?? "not published"
            context.console.print("\(round.code)\t\(round.opens)\t\(round.closes)\t\(round.state(on: today).rawValue)\t\(round.questionnaireVersion ?? "-")\t\(n) responses\t\(publication)")
        }
    }
}

/// `eduquality questionnaires add FILE.json`: stores a questionnaire version (every problem listed).
struct QuestionnaireCommands: AsyncCommandGroup {
    var help: String { "Questionnaire version commands." }
    var commands: [String: any AnyAsyncCommand] { ["add": AddQuestionnaireCommand()] }
}

struct AddQuestionnaireCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Questionnaire version file (format 1 JSON)") var file: String
    }
    var help: String { "Adds or revises a questionnaire version." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("Cannot read \(signature.file)")
            throw CommandFailed()
        }
        let professions = Set(try await Term.query(on: app.db).filter(\.$vocabulary == Vocabulary.profession.rawValue).all().map(\.code))
        let admin = SurveyAdministration(db: app.db, cache: app.storage[QuestionnaireCacheKey.self]!, actor: "system:command-line")
        do {
            let q = try await admin.addQuestionnaire(json: String(decoding: data, as: UTF8.self), knownProfessions: professions)
            context.console.print("Questionnaire \(q.version) stored: \(q.themes.count) themes, \(q.items.count) items.")
        } catch AppError.invalid(let errors) {
            for e in errors { context.console.error(e.message) }
            throw CommandFailed()
        }
    }
}

/// A command that has already printed why it failed.
struct CommandFailed: Error, CustomStringConvertible {
    var description: String { "the command failed" }
}

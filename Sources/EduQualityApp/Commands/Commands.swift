import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(UsersCommands(), as: "users")
    app.asyncCommands.use(RoundsCommands(), as: "rounds")
    app.asyncCommands.use(QuestionnaireCommands(), as: "questionnaires")
    app.asyncCommands.use(ImportResponsesCommand(), as: "import-responses")
    app.asyncCommands.use(ImportGMCSurveyCommand(), as: "import-gmc-survey")
    app.asyncCommands.use(GenerateResponsesCommand(), as: "generate-responses")
    app.asyncCommands.use(OutboxCommands(), as: "outbox")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(RetentionCommands(), as: "retention")
    app.asyncCommands.use(SubjectAccessCommand(), as: "subject-access")
}

/// `eduquality outbox deliver`: sends waiting notices through the mail relay in `SMTP_HOST`.
struct OutboxCommands: AsyncCommandGroup {
    var help: String { "Notification outbox commands." }
    var commands: [String: any AnyAsyncCommand] { ["deliver": DeliverOutboxCommand()] }
}

struct DeliverOutboxCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Sends waiting notices through the mail relay (SMTP_HOST, SMTP_PORT, SMTP_FROM)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let smtp = app.config.smtp else {
            context.console.error("SMTP_HOST is not set: notices stay on the outbox page.")
            throw CommandFailed()
        }
        let (sent, failed) = try await OutboxDelivery(db: app.db, smtp: smtp, threadPool: app.threadPool).deliver(limit: 10_000)
        context.console.print("\(sent) notices sent, \(failed) failed (they are retried up to \(OutboxDelivery.maxAttempts) times).")
    }
}

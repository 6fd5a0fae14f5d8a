import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(UsersCommands(), as: "users")
    app.asyncCommands.use(RoundsCommands(), as: "rounds")
    app.asyncCommands.use(QuestionnaireCommands(), as: "questionnaires")
    app.asyncCommands.use(ImportResponsesCommand(), as: "import-responses")
    app.asyncCommands.use(GenerateResponsesCommand(), as: "generate-responses")
}

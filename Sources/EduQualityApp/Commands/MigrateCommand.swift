import Vapor

/// `eduquality migrate`: brings the database schema up to date (the server also does this on start).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Runs pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.prepareDatabase()
        context.console.print("Database is up to date.")
    }
}

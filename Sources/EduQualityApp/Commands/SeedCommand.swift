import Vapor

/// `eduquality seed [--organisations FILE]`: loads (or refreshes) the shipped reference data, and
/// optionally organisations and sites from a JSON file.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisations", help: "JSON file of [{code,name,type,region,sites:[{code,name}]}]")
        var organisations: String?
    }
    var help: String { "Loads reference data from Seed/reference (and organisations from a file)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let seeder = ReferenceDataSeeder(directory: app.config.seedDirectory)
        try await seeder.seedReference(on: app.db)
        context.console.print("Reference data loaded.")
        if let file = signature.organisations {
            let n = try await seeder.seedOrganisations(file: file, on: app.db)
            context.console.print("\(n) organisations loaded from \(file).")
        }
    }
}

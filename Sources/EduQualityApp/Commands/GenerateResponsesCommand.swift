import EduQualityDomain
import Fluent
import Vapor

/// `eduquality generate-responses --round CODE --count N FILE.csv`: writes realistic synthetic
/// responses in the import format (for trying the import, tests and benchmarks).
struct GenerateResponsesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "round", help: "The round the responses are for") var round: String?
        @Option(name: "count", help: "How many responses") var count: Int?
        @Option(name: "seed", help: "Random seed (default 1)") var seed: Int?
        @Argument(name: "file", help: "CSV file to write") var file: String
    }
    var help: String { "Writes synthetic survey responses in the import format." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let code = signature.round, let round = try await app.surveyCatalog.round(code),
              let questionnaire = try await app.surveyCatalog.questionnaire(for: round) else {
            context.console.error("--round must name a round with a questionnaire attached")
            throw CommandFailed()
        }
        guard let count = signature.count, count > 0 else {
            context.console.error("--count must be a positive number")
            throw CommandFailed()
        }
        let orgs = try await Organisation.query(on: app.db).all()
            .filter { OrganisationType(rawValue: $0.type)?.hostsPlacements == true }
        let sites = Dictionary(grouping: try await Site.query(on: app.db).all(), by: \.organisationCode)
        let specialties = try await Term.query(on: app.db).filter(\.$vocabulary == Vocabulary.specialty.rawValue).all().map(\.code)
        let generator = SyntheticResponseGenerator(
            questionnaire: questionnaire,
            population: .standard(organisations: orgs.map {
                SyntheticOrganisation(code: $0.code, region: $0.regionCode, sites: (sites[$0.code] ?? []).map(\.code))
            }, specialties: specialties),
            seed: UInt64(signature.seed ?? 1))
        // Responses are dated within the round and never after today, or the import refuses them.
        let today = CalendarDay.today()
        guard round.opens <= today else {
            context.console.error("Round \(round.code) opens on \(round.opens): no response can be dated yet")
            throw CommandFailed()
        }
        try SyntheticResponseFile.write(count: count, of: generator, in: round, lastDay: min(round.closes, today), to: signature.file)
        context.console.print("\(count) responses written to \(signature.file)")
    }
}

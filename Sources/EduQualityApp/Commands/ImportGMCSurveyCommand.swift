import EduQualityDomain
import Foundation
import Vapor

/// `eduquality import-gmc-survey FILE.csv [--dry-run]`: imports GMC national training survey
/// results for every organisation (the command line acts nationally). Every line is checked
/// first; a file with any error is rejected whole with `line N: column: reason` messages.
struct ImportGMCSurveyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "Check only; import nothing") var dryRun: Bool
        @Argument(name: "file", help: "CSV file: year,organisation,site,specialty,indicator,score,flag") var file: String
    }
    var help: String { "Imports GMC national training survey results from a CSV file (all lines checked first)." }

    static let actor = "system:command-line"

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("Cannot read \(signature.file)")
            throw CommandFailed()
        }
        let national = Actor(userID: Self.actor, assignments: [try RoleAssignment(role: .nationalQualityLead, scope: .national)])
        let importer = GMCSurveyImporter(db: app.db, actor: national, auditActor: Self.actor)
        do {
            let outcome = try await importer.run([UInt8](data), dryRun: signature.dryRun)
            if signature.dryRun {
                context.console.print("\(outcome.rows) rows are valid: \(outcome.imported) results would be imported, \(outcome.skipped) are already stored (dry run: nothing imported).")
            } else {
                context.console.print("\(outcome.imported) results imported, \(outcome.skipped) already stored were skipped.")
            }
        } catch let refused as GMCSurveyFileRefused {
            for e in refused.errors { context.console.error(e.description) }
            context.console.error(refused.summary)
            throw CommandFailed()
        }
    }
}

import EduQualityDomain
import Foundation
import Vapor

/// `eduquality retention show`: the periods in force and the latest runs.
/// `eduquality retention purge`: runs the purge now (the server also runs it once a day).
struct RetentionCommands: AsyncCommandGroup {
    var help: String { "Record retention: the periods in force, and the purge." }
    var commands: [String: any AnyAsyncCommand] { ["show": RetentionShowCommand(), "purge": RetentionPurgeCommand()] }
}

struct RetentionShowCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Prints how many days each kind of record is kept and what happens to it then." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let policy = try await RetentionSettings.policy(defaults: app.retentionDefaults, on: app.db)
        for kind in RetainedRecords.allCases {
            context.console.print("\(kind.rawValue): \(policy.days(for: kind)) days from \(kind.countedFrom), then \(kind.disposal.rawValue)d")
        }
        for run in try await RetentionPurge.recentRuns(limit: 5, on: app.db) {
            let counts = RetainedRecords.allCases.map { "\($0.rawValue) \(run.counts[$0] ?? 0)" }.joined(separator: ", ")
            context.console.print("run \(run.entry.entityID) by \(run.entry.actor): \(counts)")
        }
    }
}

struct RetentionPurgeCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Deletes or anonymises every record past its retention period now, and records the run in the audit log." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let policy = try await RetentionSettings.policy(defaults: app.retentionDefaults, on: app.db)
        let run = try await RetentionPurge(db: app.db).run(policy: policy, today: .today(), actor: "system:command-line")
        for kind in RetainedRecords.allCases {
            context.console.print("\(kind.rawValue): \(run.count(kind)) \(kind.disposal == .delete ? "deleted" : "anonymised")")
        }
        context.console.print("\(run.total) records in all; the run is in the audit log.")
    }
}

/// `eduquality subject-access EMAIL [--output FILE]`: everything held about a named person, as
/// JSON on standard output or in a new file; the export is audited.
struct SubjectAccessCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "email", help: "The person's email address") var email: String
        @Option(name: "output", short: "o", help: "Write the JSON to this file (readable by its owner only) instead of standard output") var output: String?
    }
    var help: String { "Exports everything the service holds about a named person (a subject-access request), as JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard EmailAddress.looksValid(signature.email) else {
            context.console.error("\(signature.email) is not an email address.")
            throw CommandFailed()
        }
        let app = context.application
        try await app.prepareDatabase()
        let export = try await SubjectAccessExport.make(email: signature.email, on: app.db)
        try await SubjectAccessExport.audit(export, actor: "system:command-line", on: app.db)
        if let output = signature.output {
            guard FileManager.default.createFile(atPath: output, contents: Data(export.json.utf8), attributes: [.posixPermissions: 0o600]) else {
                context.console.error("Could not write \(output).")
                throw CommandFailed()
            }
            context.console.print(export.isEmpty ? "Nothing is held about \(export.email); an empty export was written to \(output)."
                                                 : "Written to \(output).")
        } else {
            context.console.print(export.json)
        }
    }
}

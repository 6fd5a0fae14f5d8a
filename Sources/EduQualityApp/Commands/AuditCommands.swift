import EduQualityDomain
import Vapor

/// `eduquality audit verify`: recomputes the audit log's hash chain and reports the first broken link.
/// `eduquality audit batch`: appends the waiting anonymous events and the daily survey counts now.
struct AuditCommands: AsyncCommandGroup {
    var help: String { "Audit log commands." }
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand(), "batch": AuditBatchCommand()] }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Checks every link of the audit log's hash chain; exits 1 at the first broken one." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let (broken, count) = try await AuditLog.verify(on: app.db)
        if let broken {
            context.console.error("Audit log broken at entry \(broken.sequence): \(broken.description).")
            throw AuditVerificationFailed()
        }
        context.console.print("Audit log intact: \(count) entries verified.")
    }
}

struct AuditVerificationFailed: Error, CustomStringConvertible {
    var description: String { "audit log verification failed" }
}

struct AuditBatchCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String {
        "Appends the waiting anonymous audit events (shuffled, day-only) and the counts of survey responses of past days."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let appended = try await AuditLog.appendPendingBatch(on: app.db)
        let counts = try await SurveyResponseDailyAudit.appendCounts(before: .today(), on: app.db)
        context.console.print("\(appended) waiting events appended, \(counts) daily survey counts recorded.")
    }
}

import Vapor

/// `eduquality audit verify`: recomputes the audit log's hash chain and reports the first broken link.
struct AuditCommands: AsyncCommandGroup {
    var help: String { "Audit log commands." }
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
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

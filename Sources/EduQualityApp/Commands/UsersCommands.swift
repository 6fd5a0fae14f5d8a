import EduQualityDomain
import Fluent
import Vapor

/// `eduquality users create --email E --name N --role R [--scope CODE]` makes an account (the first
/// administrator of a new installation, say) and prints its temporary password once.
struct UsersCommands: AsyncCommandGroup {
    var help: String { "Account commands." }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateUserCommand()] }
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Email address (sign-in name)") var email: String?
        @Option(name: "name", help: "Display name") var name: String?
        @Option(name: "role", help: "Role, e.g. administrator, regional-quality-team") var role: String?
        @Option(name: "scope", help: "Region, organisation or site code the role covers") var scope: String?
    }
    var help: String { "Creates an account with one role and prints a temporary password." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let email = signature.email?.lowercased(), EmailAddress.looksValid(email) else {
            throw ConfigError("--email is required and must be an email address")
        }
        guard let role = Role(rawValue: signature.role ?? "") else {
            throw ConfigError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let password = TemporaryPassword.generate(checkedBy: app.passwordPolicy, email: email)
        let grant: Grant
        do {
            grant = try await Grant.resolve(role, scopeCode: signature.scope, on: app.db)
        } catch let problem as UnknownScopeCode {
            throw ConfigError(problem.commandLineMessage)
        }
        try await AccountProvisioning.upsert(email: email, name: signature.name ?? email,
                                             passwordHash: try Bcrypt.hash(password), grant: grant,
                                             passwordExpiresAt: TemporaryPassword.expiry(from: Date()), on: app.db)
        context.console.print("Account \(email) (\(role.displayName)) — temporary password (works for "
                              + "\(Int(TemporaryPassword.lifetime / 86400)) days, to be changed at the first sign-in): \(password)")
    }
}

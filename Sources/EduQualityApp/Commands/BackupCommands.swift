import Vapor

/// `eduquality backup FILE`: a consistent snapshot of the live database (see `DatabaseBackup`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup (a new file)") var file: String
    }
    var help: String { "Writes a consistent snapshot of the live database (SQLite: VACUUM INTO; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            context.console.print(try await DatabaseBackup.backup(context.application, to: signature.file))
        } catch let failure as DatabaseBackup.Failure {
            context.console.error("Backup failed: \(failure.description).")
            throw CommandFailed()
        }
    }
}

/// `eduquality restore FILE [--force]`: puts a backup in place of the database, then verifies the
/// audit chain. The executable runs no migration before it, so an empty database stays empty
/// until the backup is in; stop the server first.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file written by `eduquality backup`") var file: String
        @Flag(name: "force", help: "Replace a database that is not empty") var force: Bool
    }
    var help: String { "Restores a backup into an empty database (--force to replace one that is not); stop the server first." }

    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            context.console.print(try await DatabaseBackup.restore(context.application, from: signature.file, force: signature.force))
        } catch let failure as DatabaseBackup.Failure {
            context.console.error("Restore failed: \(failure.description).")
            throw CommandFailed()
        }
    }
}

import EduQualityDomain
import Foundation
import Vapor

/// `eduquality import-responses --round CODE [--dry-run] FILE.csv`, with a progress bar on a terminal.
struct ImportResponsesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "round", help: "The survey round the responses belong to") var round: String?
        @Flag(name: "dry-run", help: "Validate only; import nothing") var dryRun: Bool
        @Argument(name: "file", help: "CSV file in the response import format") var file: String
    }
    var help: String { "Imports survey responses from a CSV file (all rows validated first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let round = signature.round else {
            context.console.error("--round is required")
            throw CommandFailed()
        }
        guard FileManager.default.isReadableFile(atPath: signature.file) else {
            context.console.error("Cannot read \(signature.file)")
            throw CommandFailed()
        }
        let importer = ResponseImporter(db: app.db, catalog: app.surveyCatalog, keywords: app.commentKeywords,
                                        actor: "system:command-line")
        let bar = TerminalProgress(enabled: isatty(STDERR_FILENO) == 1)
        let started = ContinuousClock.now
        let outcome: ResponseImporter.Outcome
        do {
            outcome = try await importer.run(file: signature.file, round: round, dryRun: signature.dryRun) { p in
                bar.show(p)
            }
        } catch let rejected as ImportRejected {
            bar.finish()
            for e in rejected.errors { context.console.error(e.description) }
            context.console.error("The file was rejected; nothing was imported.")
            throw CommandFailed()
        }
        bar.finish()
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - started).components.seconds)
        guard outcome.isValid else {
            for e in outcome.errors { context.console.error(e.description) }
            if outcome.errorCount > outcome.errors.count {
                context.console.error("… and \(outcome.errorCount - outcome.errors.count) more errors.")
            }
            context.console.error("\(outcome.errorCount) errors in \(outcome.rows) rows: the file was rejected and nothing was imported.")
            throw CommandFailed()
        }
        if signature.dryRun {
            context.console.print("\(outcome.rows) rows are valid (dry run: nothing imported).")
        } else {
            let rate = seconds > 0 ? Int(Double(outcome.rows) / seconds) : outcome.rows
            context.console.print("\(outcome.imported) responses imported, \(outcome.alreadyStored) already stored, in \(String(format: "%.1f", seconds)) s (\(rate) rows/s).")
        }
    }
}

/// A progress bar on standard error, redrawn in place; nothing when not a terminal.
final class TerminalProgress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: ResponseImporter.Progress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let width = 30
        let filled = Int(p.fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let label = p.phase == .validating ? "Validating" : p.phase == .importing ? "Importing " : "Done      "
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(p.fraction * 100))% \(p.rows) rows".utf8))
        drawn = true
    }

    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}

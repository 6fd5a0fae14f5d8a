import EduQualityDomain
import Fluent
import Vapor

/// Imports a GMC national training survey file, all or nothing: the whole file is checked
/// (`GMCSurveyFile`, `GMCSurveyImportPlan`) and nothing is stored while any line has an error.
/// Checked again inside the write, so two imports of one file at once still store it once.
struct GMCSurveyImporter {
    let db: any Database
    /// Whose scope the rows must lie in.
    let actor: Actor
    /// The audit log's name for who imports.
    let auditActor: String

    struct Outcome: Sendable {
        let rows: Int
        /// Added (or, in a dry run, that would be added).
        let imported: Int
        /// Already stored with the same figures.
        let skipped: Int
    }

    func run(_ bytes: [UInt8], dryRun: Bool = false, today: CalendarDay = .today()) async throws -> Outcome {
        let file = try Self.read(bytes, codes: try await GMCSurveyStore.referenceCodes(on: db), actor: actor, today: today)
        let keys = file.rows.map(\.result.key)
        let plan = GMCSurveyImportPlan(file, stored: try await GMCSurveyStore.stored(keys, on: db))
        guard plan.isValid else { throw GMCSurveyFileRefused(plan) }
        guard !dryRun else { return Outcome(rows: plan.rows, imported: plan.new.count, skipped: plan.skipped) }
        let actorName = auditActor
        return try await db.audited(actor: actorName) { tx in
            let plan = GMCSurveyImportPlan(file, stored: try await GMCSurveyStore.stored(keys, on: tx))
            guard plan.isValid else { throw GMCSurveyFileRefused(plan) }
            try await GMCSurveyStore.insert(plan.new, importedBy: actorName, on: tx)
            let outcome = Outcome(rows: plan.rows, imported: plan.new.count, skipped: plan.skipped)
            guard !plan.new.isEmpty else { return (outcome, []) }
            let years = Set(plan.new.map(\.year)).sorted().map(String.init).joined(separator: ",")
            let organisations = Set(plan.new.map(\.organisation)).sorted().joined(separator: " ")
            return (outcome, [AuditEvent(action: "gmc-survey.import", entityType: "gmc-survey", entityID: years,
                                         after: ["imported": String(plan.new.count), "skipped": String(plan.skipped),
                                                 "organisations": organisations])])
        }
    }
}

extension GMCSurveyImporter {
    /// The file checked line by line; a file refused whole (a bad header) as `GMCSurveyFileRefused`.
    static func read(_ bytes: [UInt8], codes: GMCSurveyReferenceCodes, actor: Actor,
                     today: CalendarDay) throws -> GMCSurveyFile.Read {
        var reader = CSVReader(bytes: bytes)
        switch Result(catching: { () throws(ImportRejected) in
            try GMCSurveyFile.read(&reader, codes: codes, actor: actor, today: today)
        }) {
        case .success(let file): return file
        case .failure(let rejected): throw GMCSurveyFileRefused(errors: rejected.errors, errorCount: rejected.errors.count, rows: 0)
        }
    }
}

/// A file with errors: nothing was stored. `errors` holds the first ones, in line order.
struct GMCSurveyFileRefused: Error, Sendable {
    let errors: [ImportError]
    let errorCount: Int
    let rows: Int

    init(errors: [ImportError], errorCount: Int, rows: Int) {
        self.errors = errors
        self.errorCount = errorCount
        self.rows = rows
    }

    init(_ plan: GMCSurveyImportPlan) {
        self.init(errors: plan.errors, errorCount: plan.errorCount, rows: plan.rows)
    }

    var summary: String {
        let more = errorCount > errors.count ? " (the first \(errors.count) are listed)" : ""
        return "The file has \(errorCount) \(errorCount == 1 ? "error" : "errors")\(more); nothing was imported."
    }
}

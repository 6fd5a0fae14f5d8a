import EduQualityDomain
import Fluent
import Foundation

/// Imports a response file (previous rounds, paper returns): every row is validated first and an
/// invalid file is rejected whole, with every error as `line N: column: reason`; a valid file is
/// then written in batches, skipping rows already stored, so importing it again adds nothing.
/// The writing is one transaction with its audit event: an import killed part-way leaves nothing
/// behind (no responses, no comments for triage), and running it again imports every row once.
/// On SQLite other writes (survey submissions) wait for it; a million rows take about 25 s.
struct ResponseImporter {
    let db: any Database
    let catalog: SurveyCatalog
    let keywords: CommentKeywords
    let actor: String

    enum Phase: String, Sendable { case validating, importing, done }

    struct Progress: Sendable {
        let phase: Phase
        let rows: Int
        let bytes: Int
        let totalBytes: Int
        var fraction: Double { totalBytes == 0 ? 1 : min(1, Double(bytes) / Double(totalBytes)) }
    }

    struct Outcome: Sendable {
        let rows: Int
        let imported: Int
        let alreadyStored: Int
        let errors: [ImportError]
        let errorCount: Int
        var isValid: Bool { errorCount == 0 }
    }

    func run(file: String, round code: String, dryRun: Bool,
             progress: @escaping @Sendable (Progress) -> Void) async throws -> Outcome {
        guard let round = try await catalog.round(code) else {
            throw ImportRejected(errors: [ImportError(line: 0, column: "round", reason: "there is no survey round \(code)")])
        }
        guard let questionnaire = try await catalog.questionnaire(for: round) else {
            throw ImportRejected(errors: [ImportError(line: 0, column: "round", reason: "round \(round.code) has no questionnaire attached")])
        }
        let references = try await catalog.referenceCodes()
        let totalBytes = ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? NSNumber)?.intValue ?? 0
        let today = CalendarDay.today()

        // Pass 1: validate everything, build nothing.
        var reader = try CSVReader(fileAt: file)
        let summary = try ResponseImport.run(&reader, questionnaire: questionnaire, round: round, references: references,
                                             today: today, progressInterval: 20_000) { p in
            progress(Progress(phase: .validating, rows: p.rows, bytes: p.bytes, totalBytes: totalBytes))
        }
        guard summary.isValid else {
            return Outcome(rows: summary.rows, imported: 0, alreadyStored: 0, errors: summary.errors, errorCount: summary.errorCount)
        }
        if dryRun {
            return Outcome(rows: summary.rows, imported: 0, alreadyStored: 0, errors: [], errorCount: 0)
        }

        // Pass 2: the file is valid; write it in batches, all in one transaction.
        let regions = try await Organisation.regionsByCode(on: db)
        let store = SurveyResponseStore(db: db, keywords: keywords)
        let (rows, imported) = try await db.auditedBulk(actor: actor) { tx in
            var reader = try CSVReader(fileAt: file)
            guard let headerRecord = try reader.next() else { throw ImportRejected(errors: summary.errors) }
            let header = try ResponseImportHeader(headerRecord, questionnaire: questionnaire)
            let validator = ResponseImportValidator(header: header, questionnaire: questionnaire, round: round,
                                                    references: references, window: .roundDates, today: today)
            var batch: [SurveyResponseStore.Row] = []
            batch.reserveCapacity(10_000)
            var rows = 0
            var imported = 0
            var ignored: [ImportError] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                imported += try await store.insert(batch, questionnaire: questionnaire, source: "import", on: tx)
                batch.removeAll(keepingCapacity: true)
                progress(Progress(phase: .importing, rows: rows, bytes: reader.bytesConsumed, totalBytes: totalBytes))
            }
            while let record = try reader.next() {
                rows += 1
                guard let response = validator.validate(record, errors: &ignored) else { continue }
                batch.append(.init(response: response, region: regions[response.placement.organisation] ?? "",
                                   key: response.responseID ?? "line-\(record.line)"))
                if batch.count == 10_000 { try await flush() }
            }
            try await flush()
            let event = AuditEvent(action: "survey.import", entityType: "survey-round", entityID: round.code.rawValue,
                                   after: ["file": URL(fileURLWithPath: file).lastPathComponent, "rows": String(rows),
                                           "imported": String(imported), "alreadyStored": String(rows - imported)])
            return ((rows, imported), [event])
        }
        progress(Progress(phase: .done, rows: rows, bytes: totalBytes, totalBytes: totalBytes))
        return Outcome(rows: rows, imported: imported, alreadyStored: rows - imported, errors: [], errorCount: 0)
    }
}

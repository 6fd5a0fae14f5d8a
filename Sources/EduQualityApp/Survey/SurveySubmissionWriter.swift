import EduQualityDomain
import Fluent
import SQLKit

/// Stores web submissions. Submissions that arrive while a batch is being written wait and go
/// together in the next one: one transaction (and one disk sync) for many learners, and a single
/// writer, so SQLite never has two write transactions racing for its lock. Each caller returns
/// only once its own submission is committed.
actor SurveySubmissionWriter {
    struct Submission: Sendable {
        let row: SurveyResponseStore.Row
        let questionnaire: Questionnaire
        /// The hash of the draft this submission finishes, deleted in the same transaction.
        let draftHash: String?
    }

    private var pending: [Submission] = []
    /// The batch collecting submissions; it starts writing once the batch before it is done.
    private var collecting: Task<Void, any Error>?
    private var writing: Task<Void, any Error>?

    func write(_ submission: Submission, db: any Database, keywords: CommentKeywords) async throws {
        pending.append(submission)
        if let collecting { return try await collecting.value }
        let previous = writing
        let batch = Task {
            _ = await previous?.result
            let submissions = self.startWriting()
            try await Self.store(submissions, db: db, keywords: keywords)
        }
        collecting = batch
        try await batch.value
    }

    private func startWriting() -> [Submission] {
        let batch = pending
        pending = []
        writing = collecting
        collecting = nil
        return batch
    }

    private static func store(_ batch: [Submission], db: any Database, keywords: CommentKeywords) async throws {
        try await db.writeTransaction { tx in
            let store = SurveyResponseStore(db: tx, keywords: keywords)
            for group in Dictionary(grouping: batch, by: \.questionnaire.version).values {
                try await store.insert(group.map(\.row), questionnaire: group[0].questionnaire, source: "web", on: tx)
            }
            let drafts = batch.compactMap(\.draftHash)
            if !drafts.isEmpty {
                try await SurveyDraftRecord.query(on: tx).filter(\.$id ~~ drafts).delete()
            }
        }
    }
}

extension Database {
    /// A transaction that takes SQLite's write lock at once (`BEGIN IMMEDIATE`), so a read inside
    /// it can never be overtaken by another connection's write; elsewhere a normal transaction.
    func writeTransaction(_ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        try await withConnection { connection in
            let conn = connection as! any SQLDatabase
            try await conn.raw("BEGIN IMMEDIATE").run()
            do {
                try await body(connection)
                try await conn.raw("COMMIT").run()
            } catch {
                try? await conn.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

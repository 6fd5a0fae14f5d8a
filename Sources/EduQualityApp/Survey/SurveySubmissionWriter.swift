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

    enum Outcome: Sendable {
        case stored
        /// The draft it finishes was already sent (a second click, or the page sent again).
        case alreadySent
    }

    private var pending: [Submission] = []
    /// The batch collecting submissions; it starts writing once the batch before it is done.
    private var collecting: Task<[Outcome], any Error>?
    private var writing: Task<[Outcome], any Error>?

    func write(_ submission: Submission, db: any Database, keywords: CommentKeywords) async throws -> Outcome {
        let position = pending.count
        pending.append(submission)
        if let collecting { return try await collecting.value[position] }
        let previous = writing
        let batch = Task {
            _ = await previous?.result
            let submissions = self.startWriting()
            return try await Self.store(submissions, db: db, keywords: keywords)
        }
        collecting = batch
        return try await batch.value[position]
    }

    private func startWriting() -> [Submission] {
        let batch = pending
        pending = []
        writing = collecting
        collecting = nil
        return batch
    }

    /// Writes a batch in one transaction. A submission that finishes a draft is stored only if the
    /// draft is still there, so sending the check page twice stores one response.
    private static func store(_ batch: [Submission], db: any Database, keywords: CommentKeywords) async throws -> [Outcome] {
        try await db.writeTransaction { tx in
            let hashes = batch.compactMap(\.draftHash)
            var live: Set<String> = []
            if !hashes.isEmpty {
                live = Set(try await SurveyDraftRecord.query(on: tx).filter(\.$id ~~ hashes).all().compactMap(\.id))
            }
            var outcomes: [Outcome] = []
            var accepted: [Submission] = []
            for submission in batch {
                if let hash = submission.draftHash, live.remove(hash) == nil {
                    outcomes.append(.alreadySent)
                } else {
                    outcomes.append(.stored)
                    accepted.append(submission)
                }
            }
            let store = SurveyResponseStore(db: tx, keywords: keywords)
            for group in Dictionary(grouping: accepted, by: \.questionnaire.version).values {
                try await store.insert(group.map(\.row), questionnaire: group[0].questionnaire, source: "web", on: tx)
            }
            if !hashes.isEmpty {
                try await SurveyDraftRecord.query(on: tx).filter(\.$id ~~ hashes).delete()
            }
            return outcomes
        }
    }
}

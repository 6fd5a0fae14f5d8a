import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Writes survey responses and their comments. A web submission is one transaction; the import
/// writes thousands of rows per statement. Responses are anonymous, immutable data and are not
/// audited one by one (an import is audited as a whole).
struct SurveyResponseStore {
    let db: any Database
    let keywords: CommentKeywords

    static let columns = ["round_code", "response_key", "submitted_on", "profession", "organisation", "region", "site",
                          "placement_type", "specialty", "level", "answers", "source"]
    static let commentColumns = ["round_code", "question_code", "kind", "text", "submitted_on", "profession", "organisation",
                                 "region", "site", "placement_type", "specialty", "level", "keyword_score", "keywords",
                                 "triage_status"]

    struct Row: Sendable {
        let response: SurveyResponse
        let region: String
        let key: String
    }

    /// Inserts the rows not already stored (same round and key), with their comments, and returns
    /// how many were new: re-importing a file adds nothing twice.
    @discardableResult
    func insert(_ rows: [Row], questionnaire: Questionnaire, source: String, on target: (any Database)? = nil) async throws -> Int {
        let sql = (target ?? db) as! any SQLDatabase
        var inserted = 0
        // Both databases cap bound parameters per statement (SQLite 32,766; PostgreSQL 65,535).
        let perStatement = 2_000
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let stored = try await existingKeys(chunk, on: sql)
            let fresh = chunk.filter { !stored.contains($0.key) }
            guard !fresh.isEmpty else { continue }
            var insert = sql.insert(into: SurveyResponseRecord.schema).columns(Self.columns)
            for row in fresh { insert = insert.values(Self.values(row, source: source)) }
            try await insert.run()
            try await insertComments(fresh, questionnaire: questionnaire, on: sql)
            inserted += fresh.count
        }
        return inserted
    }

    private func existingKeys(_ chunk: ArraySlice<Row>, on sql: any SQLDatabase) async throws -> Set<String> {
        var keys: Set<String> = []
        for (round, rows) in Dictionary(grouping: chunk, by: { $0.response.placement.round.rawValue }) {
            let found = try await sql.select().column("response_key").from(SurveyResponseRecord.schema)
                .where("round_code", .equal, round).where("response_key", .in, rows.map(\.key)).all()
            for row in found { keys.insert(try row.decode(column: "response_key", as: String.self)) }
        }
        return keys
    }

    private func insertComments(_ rows: some Collection<Row>, questionnaire: Questionnaire, on sql: any SQLDatabase) async throws {
        var values: [[any Encodable & Sendable]] = []
        for row in rows {
            let p = row.response.placement
            for (code, text) in row.response.freeTexts.sorted(by: { $0.key < $1.key }) {
                guard let question = questionnaire.freeTextQuestion(code) else { continue }
                let match = keywords.match(text)
                let forTriage = question.kind != .workedWell
                values.append([p.round.rawValue, code, question.kind.rawValue, text, row.response.submittedOn.iso,
                               p.profession, p.organisation, row.region, p.site, p.placementType, p.specialty, p.trainingLevel,
                               match.score, match.lists.joined(separator: ","),
                               forTriage ? CommentTriageOutcome.untriaged.rawValue : "not-for-triage"])
            }
        }
        for start in stride(from: 0, to: values.count, by: 1_500) {
            var insert = sql.insert(into: SurveyCommentRecord.schema).columns(Self.commentColumns)
            for v in values[start..<min(start + 1_500, values.count)] { insert = insert.values(v) }
            try await insert.run()
        }
    }

    private static func values(_ row: Row, source: String) -> [any Encodable & Sendable] {
        let r = row.response
        let p = r.placement
        return [p.round.rawValue, row.key, r.submittedOn.iso, p.profession, p.organisation, row.region, p.site,
                p.placementType, p.specialty, p.trainingLevel, PackedAnswers.text(r.answers), source]
    }
}

enum CommentKeywordsKey: StorageKey { typealias Value = CommentKeywords }

extension Application {
    /// Loaded once at start from `Seed/reference/comment-keywords.json`.
    var commentKeywords: CommentKeywords { storage[CommentKeywordsKey.self] ?? CommentKeywords(lists: []) }
}

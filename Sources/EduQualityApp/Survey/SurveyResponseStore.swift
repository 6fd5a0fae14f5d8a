import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import SQLiteNIO
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
            try await Self.insertRows(fresh.map { Self.values($0, source: source) }, into: SurveyResponseRecord.schema,
                                      columns: Self.columns, on: target ?? db)
            try await insertComments(fresh, questionnaire: questionnaire, on: target ?? db)
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

    private func insertComments(_ rows: some Collection<Row>, questionnaire: Questionnaire, on db: any Database) async throws {
        var values: [[Value]] = []
        for row in rows {
            let p = row.response.placement
            for (code, text) in row.response.freeTexts.sorted(by: { $0.key < $1.key }) {
                guard let question = questionnaire.freeTextQuestion(code) else { continue }
                let match = keywords.match(text)
                let forTriage = question.kind != .workedWell
                values.append([.text(p.round.rawValue), .text(code), .text(question.kind.rawValue), .text(text),
                               .text(row.response.submittedOn.iso), .text(p.profession), .text(p.organisation), .text(row.region),
                               .optional(p.site), .text(p.placementType), .optional(p.specialty), .optional(p.trainingLevel),
                               .integer(match.score), .text(match.lists.joined(separator: ",")),
                               .text(forTriage ? CommentTriageOutcome.untriaged.rawValue : "not-for-triage")])
            }
        }
        try await Self.insertRows(values, into: SurveyCommentRecord.schema, columns: Self.commentColumns, on: db)
    }

    private static func values(_ row: Row, source: String) -> [Value] {
        let r = row.response
        let p = r.placement
        return [.text(p.round.rawValue), .text(row.key), .text(r.submittedOn.iso), .text(p.profession), .text(p.organisation),
                .text(row.region), .optional(p.site), .text(p.placementType), .optional(p.specialty), .optional(p.trainingLevel),
                .text(PackedAnswers.text(r.answers)), .text(source)]
    }

    /// A value to insert: text, a whole number, or null.
    enum Value: Sendable {
        case text(String)
        case integer(Int)
        case null

        static func optional(_ s: String?) -> Value { s.map(Value.text) ?? .null }

        var sqlite: SQLiteData {
            switch self {
            case .text(let s): .text(s)
            case .integer(let n): .integer(n)
            case .null: .null
            }
        }

        var encodable: any Encodable & Sendable {
            switch self {
            case .text(let s): s
            case .integer(let n): n
            case .null: String?.none
            }
        }
    }

    /// Multi-row inserts under each database's cap on bound parameters (SQLite 32,766; PostgreSQL
    /// 65,535). On SQLite the values are bound directly, skipping the generic encoder, which
    /// otherwise costs more than the writing itself on a large import.
    static func insertRows(_ rows: [[Value]], into table: String, columns: [String], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = 30_000 / columns.count
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            if let sqlite = db as? any SQLiteDatabase {
                let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
                let sqlText = "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES "
                    + Array(repeating: placeholders, count: chunk.count).joined(separator: ",")
                _ = try await sqlite.query(sqlText, chunk.flatMap { $0.map(\.sqlite) })
            } else {
                var insert = (db as! any SQLDatabase).insert(into: table).columns(columns)
                for row in chunk { insert = insert.values(row.map(\.encodable)) }
                try await insert.run()
            }
        }
    }
}

enum CommentKeywordsKey: StorageKey { typealias Value = CommentKeywords }

extension Application {
    /// Loaded once at start from `Seed/reference/comment-keywords.json`.
    var commentKeywords: CommentKeywords { storage[CommentKeywordsKey.self] ?? CommentKeywords(lists: []) }
}

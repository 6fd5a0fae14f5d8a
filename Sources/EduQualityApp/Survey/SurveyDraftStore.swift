import Vapor
import EduQualityDomain
import Fluent
import Foundation
import SQLKit

/// Saves, finds and throws away drafts by resume code.
struct SurveyDraftStore {
    let db: any Database

    static func hash(_ code: ResumeCode) -> String {
        SHA256.hash(data: Array(code.value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The draft saved under `code`, or nil if there is none (or it can no longer be read).
    func load(_ code: ResumeCode) async throws -> SurveyDraft? {
        guard let record = try await SurveyDraftRecord.find(Self.hash(code), on: db) else { return nil }
        return try? JSONDecoder().decode(SurveyDraft.self, from: Data(record.draftJSON.utf8))
    }

    /// Saves `draft` under `code`, or under a new code when there is none yet; returns the code.
    @discardableResult
    func save(_ draft: SurveyDraft, code: ResumeCode?) async throws -> ResumeCode {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(draft), as: UTF8.self)
        if let code, let record = try await SurveyDraftRecord.find(Self.hash(code), on: db) {
            record.draftJSON = json
            record.savedOn = draft.lastSavedOn.iso
            try await record.update(on: db)
            return code
        }
        let code = code ?? ResumeCode.generate()
        let record = SurveyDraftRecord()
        record.id = Self.hash(code)
        record.roundCode = draft.round.rawValue
        record.draftJSON = json
        record.savedOn = draft.lastSavedOn.iso
        try await record.create(on: db)
        return code
    }

    func delete(_ code: ResumeCode) async throws {
        try await SurveyDraftRecord.query(on: db).filter(\.$id == Self.hash(code)).delete()
    }

    /// Drafts of rounds that have closed (or no longer exist) are no use to anyone: deletes them
    /// and returns how many went.
    @discardableResult
    func deleteExpired(today: CalendarDay) async throws -> Int {
        let rounds = try await SurveyCatalog(db: db, cache: QuestionnaireCache()).allRounds()
        let live = rounds.filter { $0.round.state(on: today) != .closed }.map(\.round.code.rawValue)
        let expired = SurveyDraftRecord.query(on: db)
        if !live.isEmpty { expired.filter(\.$roundCode !~ live) }
        let count = try await expired.count()
        guard count > 0 else { return 0 }
        let delete = SurveyDraftRecord.query(on: db)
        if !live.isEmpty { delete.filter(\.$roundCode !~ live) }
        try await delete.delete()
        return count
    }
}

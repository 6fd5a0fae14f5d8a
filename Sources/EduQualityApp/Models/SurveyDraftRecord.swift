import Fluent
import Foundation

/// A saved survey in progress. The key is the SHA-256 of the resume code: an 80-bit random code
/// cannot be recovered from it, and nothing else in the row points at the learner.
final class SurveyDraftRecord: Model, @unchecked Sendable {
    static let schema = "survey_drafts"
    @ID(custom: "code_hash", generatedBy: .user) var id: String?
    @Field(key: "round_code") var roundCode: String
    @Field(key: "draft_json") var draftJSON: String
    @Field(key: "saved_on") var savedOn: String

    init() {}
}

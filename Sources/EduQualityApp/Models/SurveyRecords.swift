import EduQualityDomain
import Fluent
import Foundation

final class QuestionnaireRecord: Model, @unchecked Sendable {
    static let schema = "questionnaire_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    /// The version file as uploaded (format 1 JSON), re-validated whenever it is loaded.
    @Field(key: "file_json") var fileJSON: String
    /// Set once the version is attached to a round that has opened or has responses.
    @Field(key: "frozen") var frozen: Bool
    @Field(key: "created_on") var createdOn: String

    init() {}
    init(code: String, title: String, fileJSON: String, createdOn: String) {
        self.code = code
        self.title = title
        self.fileJSON = fileJSON
        self.frozen = false
        self.createdOn = createdOn
    }
}

final class SurveyRoundRecord: Model, @unchecked Sendable {
    static let schema = "survey_rounds"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String
    @OptionalField(key: "questionnaire_code") var questionnaireCode: String?
    /// The state last written to the audit log (rounds open and close by date).
    @Field(key: "recorded_state") var recordedState: String

    init() {}
}

/// One learner's answers. The id orders arrivals for the reporting engine's refresh.
final class SurveyResponseRecord: Model, @unchecked Sendable {
    static let schema = "survey_responses"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "round_code") var roundCode: String
    @Field(key: "response_key") var responseKey: String
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "profession") var profession: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "region") var region: String
    @OptionalField(key: "site") var site: String?
    @Field(key: "placement_type") var placementType: String
    @OptionalField(key: "specialty") var specialty: String?
    @OptionalField(key: "level") var level: String?
    @Field(key: "answers") var answers: String
    @Field(key: "source") var source: String
    /// The round version that first included the response; nil while it waits for one.
    @OptionalField(key: "version") var version: Int?

    init() {}
}

/// A free-text answer, kept apart from its response: it carries the placement for triage but no
/// link back to the other answers.
final class SurveyCommentRecord: Model, @unchecked Sendable {
    static let schema = "survey_comments"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "round_code") var roundCode: String
    @Field(key: "question_code") var questionCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "profession") var profession: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "region") var region: String
    @OptionalField(key: "site") var site: String?
    @Field(key: "placement_type") var placementType: String
    @OptionalField(key: "specialty") var specialty: String?
    @OptionalField(key: "level") var level: String?
    @Field(key: "keyword_score") var keywordScore: Int
    @Field(key: "keywords") var keywords: String
    @Field(key: "triage_status") var triageStatus: String
    @OptionalField(key: "triaged_by") var triagedBy: String?
    @OptionalField(key: "triaged_on") var triagedOn: String?
    @OptionalField(key: "triage_note") var triageNote: String?
    @OptionalField(key: "concern_reference") var concernReference: String?

    init() {}
}

/// One publication of a round's figures (see `RoundVersion`). Responses name the version that
/// first included them; a response in no version yet is shown nowhere.
final class SurveyRoundVersionRecord: Model, @unchecked Sendable {
    static let schema = "survey_round_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "round_code") var roundCode: String
    @Field(key: "number") var number: Int
    @Field(key: "made_on") var madeOn: String
    @Field(key: "responses") var responses: Int
    @Field(key: "made_by") var madeBy: String

    init() {}

    init(roundCode: String, version: RoundVersion, madeBy: String) {
        self.roundCode = roundCode
        number = version.number
        madeOn = version.madeOn.description
        responses = version.responses
        self.madeBy = madeBy
    }

    var version: RoundVersion? {
        guard let day = CalendarDay(iso: madeOn) else { return nil }
        return RoundVersion(number: number, madeOn: day, responses: responses)
    }
}

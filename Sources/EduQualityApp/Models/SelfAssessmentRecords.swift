import EduQualityDomain
import Fluent
import Foundation

/// A year's self-assessment window. `framework_version` is fixed when the window opens.
final class SelfAssessmentWindowRecord: Model, @unchecked Sendable {
    static let schema = "self_assessment_windows"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: String
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String
    @OptionalField(key: "framework_version") var frameworkVersion: Int?
    @Field(key: "created_by") var createdBy: String

    init() {}
}

/// A provider's self-assessment of one year as stored: ratings and reviews as JSON keyed by
/// standard code (only ever read with their assessment), beside the columns that locate and list it.
final class SelfAssessmentRecord: Model, @unchecked Sendable {
    static let schema = "self_assessments"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: String
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "framework_version") var frameworkVersion: Int
    @Field(key: "standards") var standards: String
    @Field(key: "ratings_json") var ratingsJSON: String
    @Field(key: "reviews_json") var reviewsJSON: String
    @Field(key: "status") var status: String
    @Field(key: "started_on") var startedOn: String
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @Field(key: "submitted_late") var submittedLate: Bool
    @OptionalField(key: "return_reason") var returnReason: String?
    @OptionalField(key: "reviewed_on") var reviewedOn: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One line of an assessment's history: what changed, who changed it and when.
final class SelfAssessmentHistoryRecord: Model, @unchecked Sendable {
    static let schema = "self_assessment_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "assessment_id") var assessmentID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "change") var change: String

    init() {}
    init(assessmentID: UUID, at: Date, actor: String, change: String) {
        self.assessmentID = assessmentID
        self.at = at
        self.actor = actor
        self.change = change
    }
}

/// A notice sent about an organisation's assessment of a year (a reminder, an overdue notice),
/// so that each goes once, whether or not the organisation has started.
final class SelfAssessmentNoticeRecord: Model, @unchecked Sendable {
    static let schema = "self_assessment_notices"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: String
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "sent_on") var sentOn: String

    init() {}
    init(year: String, organisationCode: String, kind: String, sentOn: String) {
        self.year = year
        self.organisationCode = organisationCode
        self.kind = kind
        self.sentOn = sentOn
    }
}

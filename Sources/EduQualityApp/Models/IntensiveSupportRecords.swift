import EduQualityDomain
import Fluent
import Foundation

/// A configured ISF category (an administrator edits names and descriptions).
final class ISFCategoryRecord: Model, @unchecked Sendable {
    static let schema = "isf_categories"
    @ID(key: .id) var id: UUID?
    @Field(key: "level") var level: Int
    @Field(key: "name") var name: String
    @Field(key: "description") var descriptionText: String
    @Field(key: "review_weeks") var reviewWeeks: Int

    init() {}
    init(_ c: ISFCategory) {
        level = c.level
        name = c.name
        descriptionText = c.description
        reviewWeeks = c.reviewWeeks
    }

    var category: ISFCategory { ISFCategory(level: level, name: name, description: descriptionText, reviewWeeks: reviewWeeks) }
}

/// One ISF decision as stored. `region_code` and `organisation_code` locate the subject for the
/// authorisation rule; `reminded` and `overdue_marked` are the background job's marks.
final class ISFDecisionRecord: Model, @unchecked Sendable {
    static let schema = "isf_decisions"
    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_code") var subjectCode: String
    @Field(key: "region_code") var regionCode: String
    @OptionalField(key: "organisation_code") var organisationCode: String?
    @OptionalField(key: "site_code") var siteCode: String?
    @Field(key: "category") var category: Int
    @OptionalField(key: "previous_category") var previousCategory: Int?
    @Field(key: "rationale") var rationale: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "support_plan_json") var supportPlanJSON: String
    @Field(key: "next_review") var nextReview: String
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "decided_on") var decidedOn: String
    @OptionalField(key: "conditions_met") var conditionsMet: String?
    @OptionalField(key: "ratified_by") var ratifiedBy: String?
    @OptionalField(key: "ratified_on") var ratifiedOn: String?
    @Field(key: "reminded") var reminded: Bool
    @Field(key: "overdue_marked") var overdueMarked: Bool

    init() {}
}

/// A suspension of postgraduate medical training: the whole workflow as JSON (the domain's
/// `TrainingSuspension`), beside the columns that locate and list it.
final class TrainingSuspensionRecord: Model, @unchecked Sendable {
    static let schema = "training_suspensions"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "reference") var reference: String
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_code") var subjectCode: String
    @Field(key: "region_code") var regionCode: String
    @OptionalField(key: "organisation_code") var organisationCode: String?
    @OptionalField(key: "site_code") var siteCode: String?
    @Field(key: "professions") var professions: String
    @Field(key: "state") var state: String
    @Field(key: "workflow_json") var workflowJSON: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

import EduQualityDomain
import Fluent
import Foundation

/// An impact assessment as stored: what lists narrow by and who may see it are columns; the rest
/// (learners, ratings, decision with its conditions, comments) is one JSON document, only read
/// with it.
final class ImpactAssessmentRecord: Model, @unchecked Sendable {
    static let schema = "impact_assessments"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "reference") var reference: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "provider_code") var providerCode: String
    @Field(key: "commissioner_code") var commissionerCode: String
    @Field(key: "commissioner_region_code") var commissionerRegionCode: String
    @Field(key: "status") var status: String
    @Field(key: "body_json") var bodyJSON: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    struct Body: Codable {
        var service, description: String
        var proposedStart: CalendarDay
        var proposedEnd: CalendarDay?
        var learners: [LearnersAffected]
        var ratings: [String: SectionRating]
        var mitigations, overallRating: String?
        var decision: ImpactDecision?
        var comments: [ImpactComment]
        var registerEntry: String?
        var createdBy: String
        var createdOn: CalendarDay
        var submittedOn: CalendarDay?
    }

    /// The assessment, or nil for a row that cannot be read.
    var assessment: ImpactAssessment? {
        guard let status = ImpactAssessmentStatus(rawValue: status),
              let b = try? JSONDecoder().decode(Body.self, from: Data(bodyJSON.utf8)) else { return nil }
        return ImpactAssessment(
            reference: reference, region: regionCode, commissioner: commissionerCode, commissionerRegion: commissionerRegionCode,
            provider: providerCode, service: b.service, description: b.description, proposedStart: b.proposedStart,
            proposedEnd: b.proposedEnd, learners: b.learners, ratings: b.ratings, mitigations: b.mitigations,
            overallRating: b.overallRating, status: status, decision: b.decision, comments: b.comments,
            registerEntry: b.registerEntry, createdBy: b.createdBy, createdOn: b.createdOn, submittedOn: b.submittedOn)
    }

    func apply(_ a: ImpactAssessment) throws {
        reference = a.reference
        regionCode = a.region
        providerCode = a.provider
        commissionerCode = a.commissioner
        commissionerRegionCode = a.commissionerRegion
        status = a.status.rawValue
        let body = Body(service: a.service, description: a.description, proposedStart: a.proposedStart, proposedEnd: a.proposedEnd,
                        learners: a.learners, ratings: a.ratings, mitigations: a.mitigations, overallRating: a.overallRating,
                        decision: a.decision, comments: a.comments, registerEntry: a.registerEntry, createdBy: a.createdBy,
                        createdOn: a.createdOn, submittedOn: a.submittedOn)
        bodyJSON = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
    }
}

/// A line of an assessment's history.
final class ImpactAssessmentHistoryRecord: Model, @unchecked Sendable {
    static let schema = "impact_assessment_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "assessment_reference") var assessmentReference: String
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "change") var change: String

    init() {}

    init(assessment: String, at: Date, actor: String, change: String) {
        assessmentReference = assessment; self.at = at; self.actor = actor; self.change = change
    }
}

/// One version of the configured form (sections and rating scale): the first from
/// `Seed/reference/impact-assessment-form.json`, each administrator's change a new version, so the
/// form an assessment was drafted against can always be read back.
final class ImpactAssessmentFormRecord: Model, @unchecked Sendable {
    static let schema = "impact_assessment_forms"
    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "definition_json") var definitionJSON: String
    @Field(key: "saved_at") var savedAt: Date
    @Field(key: "saved_by") var savedBy: String

    init() {}

    init(version: Int, form: ImpactAssessmentForm, by: String) throws {
        self.version = version
        definitionJSON = String(decoding: try JSONEncoder().encode(form.definition), as: UTF8.self)
        savedAt = Date()
        savedBy = by
    }

    var form: ImpactAssessmentForm? {
        guard let definition = try? JSONDecoder().decode(ImpactAssessmentForm.Definition.self, from: Data(definitionJSON.utf8)) else { return nil }
        return try? ImpactAssessmentForm(definition)
    }
}

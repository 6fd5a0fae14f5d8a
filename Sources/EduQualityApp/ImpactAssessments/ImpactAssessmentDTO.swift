import EduQualityDomain
import Vapor

/// The impact assessments' JSON shapes (`ImpactAssessment` in the OpenAPI document).
enum ImpactAssessmentDTO {
    struct Learners: Content { let profession: String; let count: Int }
    struct Rating: Content { let rating: String; let evidence: String? }
    struct Condition: Content { let number: Int; let text, status: String; let metOn, note: String? }
    struct Decision: Content { let decision, reason, by, on: String; let conditions: [Condition] }
    struct Comment: Content { let number: Int; let side, by, text, on: String }
    struct Assessment: Content {
        let reference, status, region, commissioner, commissionerRegion, provider, service, description, proposedStart: String
        let proposedEnd: String?
        let learners: [Learners]
        let totalLearners: Int
        let ratings: [String: Rating]
        let mitigations, overallRating: String?
        let decision: Decision?
        let comments: [Comment]
        let registerEntry: String?
        let createdOn: String
        let submittedOn: String?
    }

    static func assessment(_ a: ImpactAssessment) -> Assessment {
        Assessment(
            reference: a.reference, status: a.status.rawValue, region: a.region, commissioner: a.commissioner,
            commissionerRegion: a.commissionerRegion, provider: a.provider, service: a.service, description: a.description,
            proposedStart: a.proposedStart.iso, proposedEnd: a.proposedEnd?.iso,
            learners: a.learners.map { Learners(profession: $0.profession, count: $0.count) }, totalLearners: a.totalLearners,
            ratings: a.ratings.mapValues { Rating(rating: $0.rating, evidence: $0.evidence) },
            mitigations: a.mitigations, overallRating: a.overallRating,
            decision: a.decision.map { d in
                Decision(decision: d.outcome.rawValue, reason: d.reason, by: d.by, on: d.on.iso,
                         conditions: d.conditions.map { Condition(number: $0.number, text: $0.text, status: $0.status.rawValue,
                                                                  metOn: $0.metOn?.iso, note: $0.note) })
            },
            comments: a.comments.map { Comment(number: $0.number, side: $0.side.rawValue, by: $0.by, text: $0.text, on: $0.on.iso) },
            registerEntry: a.registerEntry, createdOn: a.createdOn.iso, submittedOn: a.submittedOn?.iso)
    }
}

import EduQualityDomain
import Fluent
import Foundation

/// A review as stored. The columns a list filters on are columns; the rest (sites, panel,
/// evidence pack, learners met, grades, report) is one JSON document, only ever read with its
/// review. Days are `YYYY-MM-DD` text.
final class ReviewRecord: Model, @unchecked Sendable {
    static let schema = "reviews"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "reference") var reference: String
    @Field(key: "type_code") var typeCode: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "status") var status: String
    @Field(key: "report_stage") var reportStage: String
    @Field(key: "planned_on") var plannedOn: String
    @Field(key: "body_json") var bodyJSON: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One line of a review's history (its requirements' changes included).
final class ReviewHistoryRecord: Model, @unchecked Sendable {
    static let schema = "review_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "change") var change: String

    init() {}
    init(reviewID: UUID, at: Date, actor: String, change: String) {
        self.reviewID = reviewID
        self.at = at
        self.actor = actor
        self.change = change
    }
}

/// A requirement (or noted good practice) found by a review. `overdue_notified` is the background
/// job's mark: the regional team is told once that an immediate requirement is overdue.
final class RequirementRecord: Model, @unchecked Sendable {
    static let schema = "review_requirements"
    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "review_reference") var reviewReference: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @OptionalField(key: "due") var due: String?
    @Field(key: "text") var text: String
    @Field(key: "standards") var standards: String
    @OptionalField(key: "owner") var owner: String?
    @OptionalField(key: "register_entry") var registerEntry: String?
    @Field(key: "raised_on") var raisedOn: String
    @Field(key: "updates_json") var updatesJSON: String
    @Field(key: "decisions_json") var decisionsJSON: String
    @Field(key: "overdue_notified") var overdueNotified: Bool

    init() {}
}

/// An evidence file sent with a requirement update: stored outside the web root under a random
/// name, its type found from its bytes.
final class EvidenceFileRecord: Model, @unchecked Sendable {
    static let schema = "evidence_files"
    @ID(key: .id) var id: UUID?
    @Field(key: "requirement_id") var requirementID: UUID
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "original_name") var originalName: String
    @Field(key: "file_type") var fileType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "stored_name") var storedName: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// One published version of a review report, frozen as JSON, with the columns the public index
/// searches on. The newest version of each review is the one shown.
final class ReviewReportVersionRecord: Model, @unchecked Sendable {
    static let schema = "review_report_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "review_reference") var reviewReference: String
    @Field(key: "version") var version: Int
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "note") var note: String
    @Field(key: "snapshot_json") var snapshotJSON: String

    init() {}

    var snapshot: ReviewReportSnapshot? { try? JSONDecoder().decode(ReviewReportSnapshot.self, from: Data(snapshotJSON.utf8)) }
}

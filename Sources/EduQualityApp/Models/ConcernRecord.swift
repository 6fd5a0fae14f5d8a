import EduQualityDomain
import Fluent
import Foundation

/// A stored concern: the submission as given, and a projection of its state for queues. The state
/// itself is rebuilt from the timeline (`ConcernStore.load`); the projection is rewritten after
/// every change and never edited on its own.
final class ConcernRecord: Model, @unchecked Sendable {
    static let schema = "concerns"
    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "submitted_on") var submittedOn: String
    @Field(key: "how_raised") var howRaised: String
    @OptionalField(key: "reporter_name") var reporterName: String?
    @OptionalField(key: "reporter_email") var reporterEmail: String?
    @OptionalField(key: "account_id") var accountID: String?
    @Field(key: "region") var region: String
    @Field(key: "organisation") var organisation: String
    @OptionalField(key: "site") var site: String?
    @Field(key: "category") var category: String
    @Field(key: "what_happened") var whatHappened: String
    @OptionalField(key: "desired_outcome") var desiredOutcome: String?
    @Field(key: "initial_pathway") var initialPathway: Int
    @Field(key: "recipient") var recipient: String
    @OptionalField(key: "education_provider") var educationProvider: String?
    @Field(key: "status") var status: String
    @Field(key: "pathway") var pathway: Int
    @Field(key: "handling_body") var handlingBody: String
    @Field(key: "handling_kind") var handlingKind: String
    @Field(key: "handling_code") var handlingCode: String
    @OptionalField(key: "handling_site") var handlingSite: String?
    @Field(key: "acknowledge_by") var acknowledgeBy: String
    @Field(key: "respond_by") var respondBy: String
    @OptionalField(key: "assignee") var assignee: String?
    @OptionalField(key: "safety_region") var safetyRegion: String?
    /// The keyed digest of the receipt code (`ReceiptDigest`); the locator and bcrypt hash are
    /// only on rows raised before digests, until their first follow-up moves them over.
    @OptionalField(key: "receipt_digest") var receiptDigest: String?
    @OptionalField(key: "receipt_locator") var receiptLocator: String?
    @OptionalField(key: "receipt_hash") var receiptHash: String?
    @Field(key: "timeline_length") var timelineLength: Int

    init() {}
}

final class ConcernTimelineRecord: Model, @unchecked Sendable {
    static let schema = "concern_timeline"
    @ID(key: .id) var id: UUID?
    @Field(key: "concern_id") var concernID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "entry_json") var entryJSON: String

    init() {}
    init(concernID: UUID, sequence: Int, entryJSON: String) {
        self.concernID = concernID
        self.sequence = sequence
        self.entryJSON = entryJSON
    }
}

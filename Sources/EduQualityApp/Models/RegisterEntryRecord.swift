import EduQualityDomain
import Fluent
import Foundation

/// A quality register entry as stored. Lists (professions, standards) are comma-separated codes;
/// sources and actions are JSON, since they are only ever read with their entry. Days are
/// `YYYY-MM-DD` text, which sorts as dates do on every database.
final class RegisterEntryRecord: Model, @unchecked Sendable {
    static let schema = "register_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "reference") var reference: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "organisation_code") var organisationCode: String
    @OptionalField(key: "site_code") var siteCode: String?
    @OptionalField(key: "specialty_code") var specialtyCode: String?
    @Field(key: "professions") var professions: String
    @Field(key: "title") var title: String
    @Field(key: "description") var descriptionText: String
    @Field(key: "standards") var standards: String
    @Field(key: "framework_version") var frameworkVersion: Int
    @Field(key: "likelihood") var likelihood: Int
    @Field(key: "impact") var impact: Int
    @Field(key: "owner_id") var ownerID: String
    @Field(key: "review_due") var reviewDue: String
    @Field(key: "status") var status: String
    @Field(key: "sources_json") var sourcesJSON: String
    @Field(key: "actions_json") var actionsJSON: String
    @Field(key: "opened_on") var openedOn: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One line of an entry's history: what changed, who changed it and when.
final class RegisterHistoryRecord: Model, @unchecked Sendable {
    static let schema = "register_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "change") var change: String

    init() {}
    init(entryID: UUID, at: Date, actor: String, change: String) {
        self.entryID = entryID
        self.at = at
        self.actor = actor
        self.change = change
    }
}

import EduQualityDomain
import Fluent
import Foundation

/// One guardian in the public Freedom to Speak Up directory. The organisation's name is not
/// stored here: it is read from reference data, which renames organisations as they change.
final class GuardianDirectoryRecord: Model, @unchecked Sendable {
    static let schema = "speak_up_guardians"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "email") var email: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "availability") var availability: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
    init(id: UUID = UUID(), entry: GuardianDirectoryEntry) {
        self.id = id
        apply(entry)
    }

    func apply(_ entry: GuardianDirectoryEntry) {
        name = entry.name
        organisationCode = entry.organisation
        email = entry.email
        phone = entry.phone
        availability = entry.availability
    }

    func entry(organisationName: String) -> GuardianDirectoryEntry {
        GuardianDirectoryEntry(id: id?.uuidString ?? "", name: name, organisation: organisationCode,
                               organisationName: organisationName, email: email, phone: phone, availability: availability)
    }
}

import EduQualityDomain
import Fluent
import Foundation

/// A guardian's speak-up case as stored. The day is kept as `YYYY-MM-DD` text, which sorts and
/// compares as dates do on every database; themes are rows of their own so lists can filter on one.
final class SpeakUpCaseRecord: Model, @unchecked Sendable {
    static let schema = "speak_up_cases"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "number") var number: Int
    @Field(key: "reference") var reference: String
    @Field(key: "raised_on") var raisedOn: String
    @Field(key: "how_raised") var howRaised: String
    @Field(key: "worker_group") var workerGroup: String
    @Field(key: "detriment_reported") var detrimentReported: Bool
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "speak_up_again") var speakUpAgain: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$speakUpCase) var themes: [SpeakUpCaseThemeRecord]

    init() {}
    init(id: UUID, reference: SpeakUpCaseReference, from c: SpeakUpCase) {
        self.id = id
        self.number = reference.number
        self.reference = reference.description
        apply(c)
    }

    /// Copies every field but the themes, which are rows of their own (`replaceThemes`).
    func apply(_ c: SpeakUpCase) {
        organisationCode = c.organisation
        raisedOn = c.raisedOn.iso
        howRaised = c.howRaised.rawValue
        workerGroup = c.workerGroup
        detrimentReported = c.detrimentReported
        outcome = c.outcome
        speakUpAgain = c.speakUpAgain.rawValue
    }

    /// The domain case; needs `themes` loaded. Nil if a stored value no longer parses.
    var speakUpCase: SpeakUpCase? {
        guard let day = CalendarDay(iso: raisedOn), let how = HowRaised(rawValue: howRaised),
              let again = SpeakUpAgain(rawValue: speakUpAgain) else { return nil }
        return SpeakUpCase(id: id?.uuidString ?? "", raisedOn: day, organisation: organisationCode, howRaised: how,
                           workerGroup: workerGroup, themes: Set(themes.compactMap { SpeakUpTheme(rawValue: $0.theme) }),
                           detrimentReported: detrimentReported, outcome: outcome, speakUpAgain: again)
    }

    /// Makes the stored theme rows match `themes`, inside the caller's transaction.
    func replaceThemes(with themes: Set<SpeakUpTheme>, on db: any Database) async throws {
        let caseID = try requireID()
        try await SpeakUpCaseThemeRecord.query(on: db).filter(\.$speakUpCase.$id == caseID).delete()
        for theme in SpeakUpTheme.allCases where themes.contains(theme) {
            try await SpeakUpCaseThemeRecord(caseID: caseID, theme: theme).create(on: db)
        }
    }
}

final class SpeakUpCaseThemeRecord: Model, @unchecked Sendable {
    static let schema = "speak_up_case_themes"
    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var speakUpCase: SpeakUpCaseRecord
    @Field(key: "theme") var theme: String

    init() {}
    init(caseID: UUID, theme: SpeakUpTheme) {
        self.$speakUpCase.id = caseID
        self.theme = theme.rawValue
    }
}

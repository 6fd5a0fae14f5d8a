import EduQualityDomain
import Fluent
import Foundation

/// One imported GMC national training survey result. `reference` is the result's key in its
/// text form (`YEAR/ORGANISATION/SITE/SPECIALTY/INDICATOR`), unique, so an import can never
/// store the same result twice; `site` is empty for a whole-organisation result.
final class GMCSurveyResultRecord: Model, @unchecked Sendable {
    static let schema = "gmc_survey_results"
    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "year") var year: Int
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "site_code") var siteCode: String
    @Field(key: "specialty_code") var specialtyCode: String
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "score") var score: Double
    @Field(key: "flag") var flag: String
    @Field(key: "imported_on") var importedOn: String
    @Field(key: "imported_by") var importedBy: String

    init() {}
    init(_ result: GMCSurveyResult, importedOn: CalendarDay, importedBy: String) {
        reference = result.reference
        year = result.year
        organisationCode = result.organisation
        siteCode = result.site ?? ""
        specialtyCode = result.specialty
        indicatorCode = result.indicator
        score = result.score
        flag = result.flag.rawValue
        self.importedOn = importedOn.iso
        self.importedBy = importedBy
    }

    /// The domain value; nil if the stored row no longer reads (an unknown flag).
    var result: GMCSurveyResult? {
        guard let flag = GMCFlag(rawValue: flag) else { return nil }
        let key = GMCSurveyReference(year: year, organisation: organisationCode, site: siteCode.isEmpty ? nil : siteCode,
                                     specialty: specialtyCode, indicator: indicatorCode)
        return GMCSurveyResult(key: key, score: score, flag: flag)
    }
}

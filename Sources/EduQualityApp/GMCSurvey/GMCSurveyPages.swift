import EduQualityDomain
import Fluent
import Vapor

/// Page models of the GMC survey pages.
enum GMCSurveyPages {
    struct OrganisationLine: Encodable { let code, name, region: String; let results: Int }
    struct LineError: Encodable { let line: Int; let column, reason: String }
    struct CodeName: Encodable { let code, name: String }

    struct Index: Encodable {
        let layout: Layout
        let mayImport: Bool
        let organisations: [OrganisationLine]
        let errors: FormErrors
        /// The message beside the file field.
        let fileError: String?
        let lineErrors: [LineError]
        let columns: String
        let flags: String
        let indicators: [CodeName]
    }

    struct ResultLine: Encodable {
        let year: Int
        let site, specialty, indicator, score: String
        let flag, flagClass, flagMeaning, reference: String
    }

    struct FlagKey: Encodable { let label, flagClass, meaning: String }

    struct OrganisationResults: Encodable {
        let layout: Layout
        let code, name: String
        let years: [SelectOption]
        let year: Int?
        let page: Page<ResultLine>
        let key: [FlagKey]
    }

    static func flagClass(_ flag: GMCFlag) -> String { "eq-flag--" + flag.rawValue.replacingOccurrences(of: "-", with: "") }

    static let key = GMCFlag.allCases.map { FlagKey(label: $0.label, flagClass: flagClass($0), meaning: $0.meaning) }

    /// Display names of sites, specialties and indicators.
    struct Names {
        let sites: [String: String]
        let specialties: [String: String]
        let indicators: [String: String]

        static func load(organisation: String, on db: any Database) async throws -> Names {
            func terms(_ v: Vocabulary) async throws -> [String: String] {
                Dictionary(try await Term.query(on: db).filter(\.$vocabulary == v.rawValue).all().map { ($0.code, $0.name) },
                           uniquingKeysWith: { a, _ in a })
            }
            let sites = try await Site.query(on: db).filter(\.$organisationCode == organisation).all()
            return Names(sites: Dictionary(sites.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
                         specialties: try await terms(.specialty), indicators: try await terms(.gmcIndicator))
        }

        func line(_ record: GMCSurveyResultRecord) -> ResultLine? {
            guard let result = record.result else { return nil }
            return ResultLine(
                year: result.year, site: result.site.map { sites[$0].map { "\($0) (\(result.site!))" } ?? $0 } ?? "Whole organisation",
                specialty: specialties[result.specialty] ?? result.specialty, indicator: indicators[result.indicator] ?? result.indicator,
                score: GMCSurveyImportPlan.format(result.score), flag: result.flag.label, flagClass: flagClass(result.flag),
                flagMeaning: result.flag.meaning, reference: result.reference)
        }
    }
}

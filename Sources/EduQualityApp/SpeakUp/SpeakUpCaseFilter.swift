import EduQualityDomain
import Fluent
import Vapor

/// The filters of a guardian's case list: quarter, theme and how raised. A value that is not one
/// of the choices is a 400, never an empty list that looks like "no cases".
struct SpeakUpCaseFilter {
    let quarter: FinancialQuarter?
    let theme: SpeakUpTheme?
    let howRaised: HowRaised?

    /// How many quarters, back from the current one, the quarter filter offers.
    static let quarterChoices = 8

    init(_ req: Request) throws {
        quarter = try Self.parse(req, "quarter", what: "a financial quarter such as 2026-27 Q3", FinancialQuarter.init(label:))
        theme = try Self.parse(req, "theme", what: "one of the themes", SpeakUpTheme.init(rawValue:))
        howRaised = try Self.parse(req, "howRaised", what: "open, confidential or anonymous", HowRaised.init(rawValue:))
    }

    var isActive: Bool { quarter != nil || theme != nil || howRaised != nil }

    func query(organisation: String, on db: any Database) -> QueryBuilder<SpeakUpCaseRecord> {
        let query = SpeakUpCaseRecord.query(on: db).filter(\.$organisationCode == organisation)
        if let quarter {
            query.filter(\.$raisedOn >= quarter.firstDay.iso).filter(\.$raisedOn <= quarter.lastDay.iso)
        }
        if let howRaised { query.filter(\.$howRaised == howRaised.rawValue) }
        if let theme {
            // One row per case and theme, so joining on one theme cannot repeat a case.
            query.join(SpeakUpCaseThemeRecord.self, on: \SpeakUpCaseThemeRecord.$speakUpCase.$id == \SpeakUpCaseRecord.$id)
                .filter(SpeakUpCaseThemeRecord.self, \.$theme == theme.rawValue)
        }
        return query
    }

    var quarterOptions: [SelectOption] {
        var quarters = FinancialQuarter(containing: .today()).recent(Self.quarterChoices)
        if let quarter, !quarters.contains(quarter) { quarters.append(quarter) }
        return quarters.map { SelectOption(code: $0.label, name: $0.label, selected: $0 == quarter) }
    }

    var themeOptions: [SelectOption] {
        SpeakUpTheme.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == theme) }
    }

    var howRaisedOptions: [SelectOption] {
        HowRaised.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == howRaised) }
    }

    private static func parse<T>(_ req: Request, _ name: String, what: String, _ make: (String) -> T?) throws -> T? {
        guard let raw = req.query[String.self, at: name]?.trimmingWhitespace, !raw.isEmpty else { return nil }
        guard let value = make(raw) else { throw AppError.badRequest("\(name) must be \(what)") }
        return value
    }
}

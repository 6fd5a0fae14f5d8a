import EduQualityDomain
import Fluent
import Vapor

/// The quarterly speak-up data return: counts per organisation, never case text. Guardians see
/// their own organisation; the national quality lead sees every organisation.
struct SpeakUpReturnsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("speak-up", "returns", use: page)
        routes.get("speak-up", "returns.csv", use: csv)
    }

    struct Row: Encodable {
        let code, name: String
        let counts: [Int]
    }
    struct Measure: Encodable {
        let heading: String
        let count: Int
    }
    struct ReturnPage: Encodable {
        let layout: Layout
        let quarter: String
        let quarterStart, quarterEnd: String
        let quarters: [SelectOption]
        let organisation: String
        let headings: [String]
        let rows: [Row]
        let hasRows: Bool
        /// One organisation reads better down the page: a row per measure.
        let single: Row?
        let measures: [Measure]
        let csvHref: String
    }

    /// Column headings for people, in the order of `SpeakUpQuarterlyReturn.Row.counts`.
    static let headings = ["Cases"] + HowRaised.allCases.map { "Raised \($0.displayName.lowercased())" }
        + SpeakUpTheme.allCases.map(\.displayName) + ["Detriment reported"]
        + SpeakUpAgain.allCases.map { "Would speak up again: \($0.displayName.lowercased())" }

    @Sendable func page(req: Request) async throws -> View {
        let (quarter, scope, quarterlyReturn) = try await build(req)
        let names = Dictionary(scope.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let organisation = (req.query[String.self, at: "organisation"] ?? "").trimmingWhitespace
        var quarters = FinancialQuarter(containing: .today()).recent(SpeakUpCaseFilter.quarterChoices)
        if !quarters.contains(quarter) { quarters.append(quarter) }
        let rows = quarterlyReturn.rows.map { Row(code: $0.organisation, name: names[$0.organisation] ?? $0.organisation, counts: $0.counts) }
        return try await req.view.render("speak-up/returns", ReturnPage(
            layout: req.layout(title: "Quarterly speak-up return"), quarter: quarter.label,
            quarterStart: quarter.firstDay.longDescription, quarterEnd: quarter.lastDay.longDescription,
            quarters: quarters.map { SelectOption(code: $0.label, name: $0.label, selected: $0 == quarter) },
            organisation: organisation, headings: Self.headings,
            rows: rows, hasRows: !rows.isEmpty, single: rows.count == 1 ? rows[0] : nil,
            measures: rows.count == 1 ? zip(Self.headings, rows[0].counts).map(Measure.init) : [],
            csvHref: Self.href(quarter: quarter, organisation: organisation, csv: true)))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let (quarter, _, quarterlyReturn) = try await build(req)
        return .csvAttachment(quarterlyReturn.csv, filename: "speak-up-return-\(quarter.label.replacingOccurrences(of: " ", with: "-")).csv")
    }

    /// The quarter asked for (the last completed one by default), the organisations the return
    /// covers, and the return itself.
    private func build(_ req: Request) async throws -> (FinancialQuarter, [Organisation], SpeakUpQuarterlyReturn) {
        let allowed = try await req.organisationsAllowing(.exportSpeakUpReturn)
        let quarter: FinancialQuarter
        if let raw = req.query[String.self, at: "quarter"]?.trimmingWhitespace, !raw.isEmpty {
            guard let parsed = FinancialQuarter(label: raw) else {
                throw AppError.badRequest("quarter must be a financial quarter such as 2026-27 Q3")
            }
            quarter = parsed
        } else {
            quarter = .lastCompleted(on: .today())
        }
        let code = (req.query[String.self, at: "organisation"] ?? "").trimmingWhitespace
        let scope = code.isEmpty ? allowed : [try await req.organisation(code, allowing: .exportSpeakUpReturn)]
        let codes = scope.map(\.code)
        let records = try await SpeakUpCaseRecord.query(on: req.db).filter(\.$organisationCode ~~ codes)
            .filter(\.$raisedOn >= quarter.firstDay.iso).filter(\.$raisedOn <= quarter.lastDay.iso)
            .with(\.$themes).all()
        // A return is expected from each organisation in scope that lists a guardian; one asked for
        // by name, or the only one in scope, gets its row even when empty.
        let listed = Set(try await GuardianDirectoryRecord.query(on: req.db).filter(\.$organisationCode ~~ codes).all()
            .map(\.organisationCode))
        let expected = scope.count == 1 ? codes : codes.filter(listed.contains)
        let quarterlyReturn = SpeakUpQuarterlyReturn(quarter: quarter, cases: records.compactMap(\.speakUpCase),
                                                     organisations: expected)
        return (quarter, scope, quarterlyReturn)
    }

    static func href(quarter: FinancialQuarter, organisation: String = "", csv: Bool) -> String {
        var components = URLComponents()
        components.path = csv ? "/speak-up/returns.csv" : "/speak-up/returns"
        components.queryItems = [URLQueryItem(name: "quarter", value: quarter.label)]
            + (organisation.isEmpty ? [] : [URLQueryItem(name: "organisation", value: organisation)])
        return components.string ?? components.path
    }
}

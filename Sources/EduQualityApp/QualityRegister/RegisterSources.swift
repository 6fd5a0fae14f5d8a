import EduQualityDomain
import Fluent
import Vapor

/// The register's linked sources against what is stored: whether each exists (and may be linked by
/// this visitor), and how it reads now. Nothing is copied into the entry: a survey cell shows its
/// current published figures through disclosure control, a concern only its reference and status,
/// never who raised it.
enum RegisterSources {
    struct View: Encodable {
        let kind, kindName, reference, summary: String
        let href: String?
    }

    /// A problem for each source that cannot be linked by the visitor: unknown, or outside what
    /// they may see (the two read the same, so linking is no way to probe for cases).
    static func problems(_ sources: [RegisterSource], _ req: Request) async throws -> [FieldError] {
        var errors: [FieldError] = []
        for source in sources where try await !exists(source, req) {
            errors.append(FieldError("sources", "There is no \(source.kind.displayName.lowercased()) \(source.reference) you can link."))
        }
        return errors
    }

    static func exists(_ source: RegisterSource, _ req: Request) async throws -> Bool {
        switch source {
        case .surveyFlag(let round, let dimension, let code, let indicator):
            guard try await req.surveyCatalog.roundRecord(round) != nil,
                  let engine = try? req.reportEngine(), engine.themeNames[indicator] != nil else { return false }
            if dimension == .national { return true }
            let names = try await ReportNames.load(req.db, engine: engine)
            return names.byDimension[dimension]?[code] != nil
        case .concern(let reference):
            guard let record = try await ConcernRecord.query(on: req.db).filter(\.$reference == reference.value).first() else { return false }
            return ConcernAccess.allows(req.actor, .viewConcern, record: record)
        case .comment(let id):
            guard let comment = try await SurveyCommentRecord.find(id, on: req.db),
                  comment.triageStatus != CommentTriageOutcome.untriaged.rawValue,
                  CommentTriageOutcome(rawValue: comment.triageStatus) != nil else { return false }
            return Authorization.isAllowed(req.actor, .triageComments, .located(Location(region: comment.region)))
        case .speakUp(let organisation, _, let theme):
            guard SpeakUpTheme(rawValue: theme) != nil else { return false }
            return try await Organisation.query(on: req.db).filter(\.$code == organisation).first() != nil
        case .gmcSurvey:
            return try await GMCSurveySourceLookup.exists(source, req)
        case .selfReport:
            return true
        case .impactAssessment(let reference):
            return try await ImpactAssessmentRecord.query(on: req.db).filter(\.$reference == reference).first()?.assessment
                .map { ImpactAssessmentStore.mayRead(req.actor, $0) } ?? false
        }
    }

    /// How each source reads today, for the entry's page and API.
    static func views(_ sources: [RegisterSource], _ req: Request) async throws -> [View] {
        var views: [View] = []
        let names = try await ReportNames.load(req.db, engine: try? req.reportEngine())
        for source in sources {
            let (summary, href) = try await describe(source, names: names, req)
            views.append(View(kind: source.kind.rawValue, kindName: source.kind.displayName, reference: source.reference,
                              summary: summary, href: href))
        }
        return views
    }

    private static func describe(_ source: RegisterSource, names: ReportNames, _ req: Request) async throws -> (String, String?) {
        switch source {
        case .surveyFlag(let round, let dimension, let code, let indicator):
            let place = "\(names.name(code, dimension)), \(names.indicator(indicator)), round \(round)"
            let href = "/reports?round=\(round)&groupBy=\(dimension.rawValue)"
            return ("\(place): \(surveyCell(round: round, dimension: dimension, code: code, indicator: indicator, req))", href)
        case .concern(let reference):
            guard let record = try await ConcernRecord.query(on: req.db).filter(\.$reference == reference.value).first() else {
                return ("Concern \(reference.value) (no longer held)", nil)
            }
            let status = ConcernStatus(rawValue: record.status)?.displayName ?? record.status
            let visible = ConcernAccess.allows(req.actor, .viewConcern, record: record)
            return ("Concern \(reference.value): \(status), pathway \(record.pathway)",
                    visible ? "/concerns/cases/\(reference.value)" : nil)
        case .comment(let id):
            guard let comment = try await SurveyCommentRecord.find(id, on: req.db) else { return ("Survey comment \(id) (no longer held)", nil) }
            let outcome = CommentTriageOutcome(rawValue: comment.triageStatus)?.displayName ?? comment.triageStatus
            let mayRead = Authorization.isAllowed(req.actor, .triageComments, .located(Location(region: comment.region)))
            return (mayRead ? "Comment \(id) (\(outcome)): “\(comment.text)”" : "Survey comment \(id), triaged: \(outcome)", nil)
        case .speakUp(let organisation, let quarter, let theme):
            let count = try await speakUpCount(organisation: organisation, quarter: quarter, theme: theme, req.db)
            let threshold = req.config.disclosureThreshold
            let shown = threshold.allows(count) ? "\(count) cases" : "fewer than \(threshold.value) cases"
            let themeName = SpeakUpTheme(rawValue: theme)?.displayName ?? theme
            return ("\(names.name(organisation, .organisation)), \(quarter.label), \(themeName.lowercased()): \(shown)", nil)
        case .gmcSurvey:
            return (try await GMCSurveySourceLookup.summary(source, req), nil)
        case .selfReport(let text):
            return (text, nil)
        case .impactAssessment(let reference):
            // Shown only to those who may read the assessment; others see its reference alone.
            guard let a = try await ImpactAssessmentRecord.query(on: req.db).filter(\.$reference == reference).first()?.assessment,
                  ImpactAssessmentStore.mayRead(req.actor, a) else { return ("Impact assessment \(reference)", nil) }
            let outcome = a.decision.map { ", \($0.outcome.displayName.lowercased())" } ?? ""
            return ("Impact assessment \(reference): \(a.service), \(a.status.displayName.lowercased())\(outcome)",
                    "/quality/impact-assessments/\(reference)")
        }
    }

    /// The cell's published figures now, or why none are shown.
    static func surveyCell(round: String, dimension: ReportDimension, code: String, indicator: String, _ req: Request) -> String {
        guard let access = try? req.reportAccess(), access.rounds.contains(round) else { return "not published yet" }
        let query = ReportQuery(round: round, groupBy: dimension, indicators: [indicator], threshold: req.config.disclosureThreshold)
        guard let row = (try? access.indicatorTable(query))?.rows.first(where: { $0.group == code }) else { return "no respondents" }
        guard let mean = row.mean, let n = row.n else { return "not shown (too few respondents to publish)" }
        return "mean \(ReportFormat.score(mean)), n \(n), flag \(FlagPalette.style(row.flag).label.lowercased())"
    }

    private static func speakUpCount(organisation: String, quarter: FinancialQuarter, theme: String, _ db: any Database) async throws -> Int {
        try await SpeakUpCaseRecord.query(on: db).filter(\.$organisationCode == organisation)
            .filter(\.$raisedOn >= quarter.firstDay.iso).filter(\.$raisedOn <= quarter.lastDay.iso)
            .with(\.$themes).all().filter { $0.themes.contains { $0.theme == theme } }.count
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// Gathers the dated facts behind the early-warning view (`EarlyWarningFacts`) for a set of
/// organisations, one query per source. Survey flags come from the reporting engine's published
/// figures, so disclosure control has already been applied; emerging concerns are only those the
/// visitor may read, and none at all for a visitor who acts for no signatory.
enum EarlyWarningGathering {
    struct Gathered {
        var facts: [String: EarlyWarningFacts]
        /// The published survey rounds that count in each quarter (the one each closed in).
        var rounds: [CalendarQuarter: [String]]
    }

    static func gather(for organisations: [String], _ req: Request) async throws -> Gathered {
        let wanted = Set(organisations)
        var facts = Dictionary(uniqueKeysWithValues: organisations.map { ($0, EarlyWarningFacts(organisation: $0)) })
        func add(_ organisation: String, _ change: (inout EarlyWarningFacts) -> Void) {
            guard wanted.contains(organisation) else { return }
            change(&facts[organisation]!)
        }
        // Every source is present for every organisation, empty where nothing happened, so a quiet
        // quarter shows as a zero rather than a gap.
        for code in organisations {
            add(code) { f in
                for source in [EarlyWarningSource.learnerConcerns, .speakUpCases, .seriousComments, .impactAssessments] { f.events[source] = [] }
                for source in [EarlyWarningSource.openRequirements, .overdueRequirements, .registerHighAndExtreme] { f.spans[source] = [] }
                f.breakdowns[.learnerConcerns] = []
                f.breakdowns[.speakUpCases] = []
            }
        }

        for concern in try await ConcernRecord.query(on: req.db).filter(\.$organisation ~~ organisations).all() {
            guard let day = CalendarDay(iso: String(concern.submittedOn.prefix(10))) else { continue }
            add(concern.organisation) {
                $0.events[.learnerConcerns, default: []].append(day)
                $0.breakdowns[.learnerConcerns, default: []].append(.init(category: concern.category, on: day))
            }
        }

        let cases = try await SpeakUpCaseRecord.query(on: req.db).filter(\.$organisationCode ~~ organisations).all()
        let themes = try await SpeakUpCaseThemeRecord.query(on: req.db).filter(\.$speakUpCase.$id ~~ cases.compactMap(\.id)).all()
        let themesByCase = Dictionary(grouping: themes, by: { $0.$speakUpCase.id })
        for record in cases {
            guard let day = CalendarDay(iso: record.raisedOn) else { continue }
            add(record.organisationCode) { f in
                f.events[.speakUpCases, default: []].append(day)
                for theme in themesByCase[record.id ?? UUID()] ?? [] {
                    f.breakdowns[.speakUpCases, default: []].append(.init(category: theme.theme, on: day))
                }
            }
        }

        for comment in try await SurveyCommentRecord.query(on: req.db).filter(\.$organisation ~~ organisations)
            .filter(\.$triageStatus == CommentTriageOutcome.immediateSeriousRisk.rawValue).all() {
            guard let day = comment.triagedOn.flatMap({ CalendarDay(iso: String($0.prefix(10))) }) else { continue }
            add(comment.organisation) { $0.events[.seriousComments, default: []].append(day) }
        }

        for record in try await ISFDecisionRecord.query(on: req.db).filter(\.$subjectKind == ISFSubject.Kind.organisation.rawValue)
            .filter(\.$subjectCode ~~ organisations).all() {
            guard let decision = record.decision else { continue }
            add(record.subjectCode) { $0.levels[.isfCategory, default: []].append(.init(on: decision.decidedOn, level: decision.category)) }
        }

        for record in try await RequirementRecord.query(on: req.db).filter(\.$organisationCode ~~ organisations).all() {
            guard let r = record.requirement, wanted.contains(r.organisation), r.kind.isActionable, r.status != .noted else { continue }
            let closed = r.status == .closed ? (r.decisions.last { $0.outcome == .accept }?.on ?? r.raisedOn) : nil
            add(r.organisation) { f in
                f.spans[.openRequirements, default: []].append(.init(from: r.raisedOn, until: closed))
                if let due = r.due { f.spans[.overdueRequirements, default: []].append(.init(from: due.adding(days: 1), until: closed)) }
            }
        }

        let top = Set(req.riskBands.bands.suffix(2).map(\.code))
        let entries = try await RegisterEntryRecord.query(on: req.db).filter(\.$organisationCode ~~ organisations).all()
        let closedEntries = entries.filter { $0.status == RegisterEntryStatus.closed.rawValue }.compactMap(\.id)
        var lastChange: [UUID: Date] = [:]
        for h in try await RegisterHistoryRecord.query(on: req.db).filter(\.$entryID ~~ closedEntries).all() {
            lastChange[h.entryID] = max(lastChange[h.entryID] ?? h.at, h.at)
        }
        for record in entries {
            guard let entry = record.entry, top.contains(req.riskBands.band(for: entry.risk).code) else { continue }
            // A closed entry stopped counting with its last change, the closing.
            let until = entry.status == .closed ? lastChange[record.id ?? UUID()].map { CalendarDay($0) } ?? entry.openedOn : nil
            add(entry.organisation) { $0.spans[.registerHighAndExtreme, default: []].append(.init(from: entry.openedOn, until: until)) }
        }

        if req.signatory != nil {
            for found in try await EmergingConcernStore.visible(req) where wanted.contains(found.concern.about.organisation) {
                add(found.concern.about.organisation) { $0.events[.emergingConcerns, default: []].append(found.concern.raisedOn) }
            }
            for code in organisations { add(code) { if $0.events[.emergingConcerns] == nil { $0.events[.emergingConcerns] = [] } } }
        }

        for assessment in try await ImpactAssessmentStore.all(on: req.db) where wanted.contains(assessment.provider) {
            guard let submitted = assessment.submittedOn else { continue }
            add(assessment.provider) { $0.events[.impactAssessments, default: []].append(submitted) }
        }

        let flags = try await surveyFlags(req)
        for (round, counts) in flags {
            for (organisation, byFlag) in counts {
                add(organisation) { f in
                    f.rounds[.surveyRedFlags, default: [:]][round.quarter] = byFlag[.red] ?? 0
                    f.rounds[.surveyPinkFlags, default: [:]][round.quarter] = byFlag[.pink] ?? 0
                    f.rounds[.surveyGreenFlags, default: [:]][round.quarter] = byFlag[.green] ?? 0
                }
            }
        }
        return Gathered(facts: facts, rounds: Dictionary(grouping: flags.map(\.round), by: \.quarter).mapValues { $0.map(\.code) })
    }

    /// Each published round with its closing quarter and, per organisation, how many of its
    /// indicator cells were flagged red, pink and green as published.
    static func surveyFlags(_ req: Request) async throws -> [(round: SurveyRoundLabel, counts: [String: [OutlierFlag: Int]])] {
        guard let access = try? req.reportAccess() else { return [] }
        let closes = Dictionary(try await SurveyRoundRecord.query(on: req.db).all().compactMap { r in
            CalendarDay(iso: r.closesOn).map { (r.code, $0) }
        }) { a, _ in a }
        return access.rounds.compactMap { round in
            guard let day = closes[round] else { return nil }
            let query = ReportQuery(round: round, groupBy: .organisation, threshold: req.config.disclosureThreshold)
            let rows = (try? access.indicatorTable(query))?.rows ?? []
            var counts: [String: [OutlierFlag: Int]] = [:]
            for row in rows { counts[row.group, default: [:]][row.flag, default: 0] += 1 }
            return (SurveyRoundLabel(code: round, quarter: CalendarQuarter(containing: day)), counts)
        }
    }

    struct SurveyRoundLabel: Hashable { let code: String; let quarter: CalendarQuarter }
}

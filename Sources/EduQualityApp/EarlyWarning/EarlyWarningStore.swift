import EduQualityDomain
import Fluent
import Vapor

/// The early-warning view of organisations as the visitor may see it: each organisation's sources
/// by quarter, the signal rule applied, and what quality leads did with its signals. Only those who
/// may view early warning at the organisation (`.viewEarlyWarning`) see any of it; an organisation
/// outside their scope answers as one that does not exist.
enum EarlyWarningStore {
    struct Assessed: Sendable {
        let code, name, region: String
        let periods: [CalendarQuarter]
        let history: EarlyWarningHistory
        let facts: EarlyWarningFacts
        let signal: EarlyWarningSignal
        /// What leads did with this organisation's signals that the visitor may read, newest first.
        let decisions: [SignalDecisionRecord]
        /// Survey rounds counting in each quarter.
        let rounds: [CalendarQuarter: [String]]

        /// The dismissal covering the current signal, if one does.
        var dismissal: SignalDecisionRecord? {
            decisions.first { $0.dismissal.map { $0.covers(signal) } ?? false }
        }

        /// Register entries opened from the current signal.
        var registerEntries: [SignalDecisionRecord] {
            decisions.filter { $0.kind == SignalDecisionRecord.Kind.registerEntry.rawValue && $0.quarter == signal.quarter?.description }
        }

        var location: Location { Location(region: region, organisation: code) }
    }

    /// The organisation `code`, assessed.
    static func organisation(_ code: String, _ req: Request) async throws -> Assessed {
        guard let org = try await Organisation.query(on: req.db).filter(\.$code == code.uppercased()).first(),
              Authorization.isAllowed(req.actor, .viewEarlyWarning, .located(Location(region: org.regionCode, organisation: org.code))) else {
            throw req.notVisible(.viewEarlyWarning, "There is no organisation \(code) in your early-warning view")
        }
        return try await assess([org], req)[0]
    }

    /// Every organisation of region `code`, assessed; 404 for an unknown region, 403 outside scope.
    static func region(_ code: String, _ req: Request) async throws -> [Assessed] {
        try req.authorizeAnywhere(.viewEarlyWarning)
        guard let region = try await Region.query(on: req.db).filter(\.$code == code.uppercased()).first() else {
            throw AppError.notFound("There is no region \(code)")
        }
        try req.authorize(.viewEarlyWarning, .located(Location(region: region.code)))
        // Regulators and national bodies are not learning environments.
        let orgs = try await Organisation.query(on: req.db).filter(\.$regionCode == region.code).sort(\.$name).all()
            .filter { $0.retiredOn == nil && ![OrganisationType.regulator.rawValue, OrganisationType.nationalBody.rawValue].contains($0.type) }
        return try await assess(orgs, req)
    }

    /// The regions the visitor may view early warning for.
    static func regions(_ req: Request) async throws -> [Region] {
        try await Region.query(on: req.db).sort(\.$name).all()
            .filter { Authorization.isAllowed(req.actor, .viewEarlyWarning, .located(Location(region: $0.code))) }
    }

    static func assess(_ orgs: [Organisation], _ req: Request) async throws -> [Assessed] {
        let today = CalendarDay.today()
        let periods = EarlyWarningFacts.periods(endingOn: today)
        let gathered = try await EarlyWarningGathering.gather(for: orgs.map(\.code), req)
        let threshold = req.config.disclosureThreshold
        let decisions = Dictionary(grouping: try await SignalDecisionRecord.query(on: req.db)
            .filter(\.$organisationCode ~~ orgs.map(\.code)).sort(\.$at, .descending).all()
            .filter { mayRead($0, req) }, by: \.organisationCode)
        return orgs.map { org in
            let facts = gathered.facts[org.code] ?? EarlyWarningFacts(organisation: org.code)
            let history = facts.history(over: periods, today: today, threshold: threshold)
            return Assessed(code: org.code, name: org.name, region: org.regionCode, periods: periods, history: history, facts: facts,
                            signal: req.application.signalRule.evaluate(history, at: periods.last), decisions: decisions[org.code] ?? [],
                            rounds: gathered.rounds)
        }
    }

    /// A decision about a signal that counted emerging concerns is read only by those acting for
    /// the same signatory, who were shown the same concerns.
    static func mayRead(_ decision: SignalDecisionRecord, _ req: Request) -> Bool {
        !decision.sourceSet.contains(.emergingConcerns) || (decision.signatory != nil && decision.signatory == req.signatory)
    }

    /// The raised signals of `assessed` not dismissed, strongest first, and those dismissed.
    static func signals(_ assessed: [Assessed]) -> (open: [Assessed], dismissed: [Assessed]) {
        let byCode = Dictionary(assessed.map { ($0.code, $0) }) { a, _ in a }
        let ranked = EarlyWarningSignal.strongestFirst(assessed.map(\.signal)).compactMap { byCode[$0.organisation] }
        return (ranked.filter { $0.dismissal == nil }, ranked.filter { $0.dismissal != nil })
    }

    /// Dismisses the organisation's current signal with `reason` (audited).
    static func dismiss(_ assessed: Assessed, reason: String?, _ req: Request) async throws {
        try req.authorize(.dismissSignal, .located(assessed.location))
        guard assessed.dismissal == nil else { throw InvalidForm(field: "reason", "This signal has already been dismissed.") }
        let (dismissal, audit) = try assessed.signal.dismiss(reason: reason, by: ReviewStore.actorName(req), on: .today())
        let record = SignalDecisionRecord(dismissal, signatory: req.signatory)
        try await req.db.audited(actor: req.auditActor) { db in
            try await record.create(on: db)
            return ((), [audit])
        }
    }

    /// Records that register entry `entry` was opened from the organisation's current signal.
    static func recordRegisterEntry(_ entry: String, from assessed: Assessed, _ req: Request) async throws {
        guard assessed.signal.raised, let quarter = assessed.signal.quarter else { return }
        let record = SignalDecisionRecord()
        record.organisationCode = assessed.code
        record.quarter = quarter.description
        record.sources = assessed.signal.sources.map(\.rawValue).sorted().joined(separator: ",")
        record.kind = SignalDecisionRecord.Kind.registerEntry.rawValue
        record.reason = "Register entry \(entry) opened"
        record.registerEntry = entry
        record.signatory = req.signatory
        record.byName = ReviewStore.actorName(req)
        record.decidedOn = CalendarDay.today().iso
        record.at = Date()
        let audit = AuditEvent(action: "early-warning.open-register", entityType: "early-warning-signal",
                               entityID: "\(assessed.code)/\(quarter)", after: ["registerEntry": entry, "sources": record.sources])
        try await req.db.audited(actor: req.auditActor) { db in
            try await record.create(on: db)
            return ((), [audit])
        }
    }
}

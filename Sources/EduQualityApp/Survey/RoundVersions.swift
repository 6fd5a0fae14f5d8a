import EduQualityDomain
import Fluent
import SQLKit
import Vapor

/// Makes round versions: publications by a national lead (the command line and the survey
/// administration page alike) and the daily interim versions staff see. The rules are the
/// domain's (`RoundVersionHistory`, `TemporalDisclosure`); this reads what is waiting, works out
/// what may join outside any transaction, then marks those responses and records the version
/// with its audit event in one.
struct RoundVersions {
    let db: any Database
    let catalog: SurveyCatalog
    let threshold: DisclosureThreshold
    let actor: String

    struct Made: Sendable {
        let version: RoundVersion
        let heldBack: Int
        /// Responses in all the round's versions, this one included.
        let total: Int

        /// "Round NETS-2025 published (version 2): 8,500 responses; 3 held back until more arrive."
        func publicationMessage(_ code: String) -> String {
            "Round \(code) published (version \(version.number)): \(total) responses"
                + (heldBack > 0 ? "; \(heldBack) held back until more arrive." : ".")
        }
    }

    func history(of record: SurveyRoundRecord, _ round: SurveyRound) async throws -> RoundVersionHistory {
        let records = try await SurveyRoundVersionRecord.query(on: db).filter(\.$roundCode == record.code).all()
        return RoundVersionHistory(round: round, versions: records.compactMap(\.version))
    }

    /// Publishes (or re-publishes) a closed round.
    func publish(_ code: String, today: CalendarDay = .today()) async throws -> Made {
        guard let record = try await catalog.roundRecord(code), let round = SurveyCatalog.round(from: record) else {
            throw AppError.notFound("There is no survey round \"\(code)\"")
        }
        var history = try await history(of: record, round)
        let waiting = try await admissions(round, history: history)
        let (version, event): (RoundVersion, AuditEvent)
        do {
            (version, event) = try history.publish(today: today, waiting: waiting.count, admitted: waiting.admitted.count,
                                                   threshold: threshold)
        } catch {
            throw AppError.conflict(error.description)
        }
        try await save(version, of: record.code, responses: waiting.admitted, event: event)
        return Made(version: version, heldBack: waiting.count - waiting.admitted.count, total: history.responses)
    }

    /// Cuts today's interim version of every unpublished round that has responses waiting.
    @discardableResult
    func cutInterimVersions(today: CalendarDay = .today()) async throws -> [String: Made] {
        var made = [String: Made]()
        for (record, round) in try await catalog.allRounds() {
            var history = try await history(of: record, round)
            let waitingCount = try await waitingCount(record.code)
            guard history.interimCutIsDue(today: today, waiting: waitingCount) else { continue }
            let waiting = try await admissions(round, history: history)
            guard let version = history.cutInterim(today: today, waiting: waiting.count, admitted: waiting.admitted.count)
            else { continue }
            let event = AuditEvent(action: "survey-round.interim-version", entityType: "survey-round", entityID: record.code,
                                   after: ["version": String(version.number), "added": String(version.responses),
                                           "held-back": String(waiting.count - version.responses)])
            do {
                try await save(version, of: record.code, responses: waiting.admitted, event: event)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue  // another instance cut it first
            }
            made[record.code] = Made(version: version, heldBack: waiting.count - version.responses, total: history.responses)
        }
        return made
    }

    /// Responses waiting for a version of the round, and which of them may join the next one.
    private func admissions(_ round: SurveyRound, history: RoundVersionHistory) async throws -> (count: Int, admitted: Admitted) {
        let code = round.code.rawValue
        guard !history.versions.isEmpty else {
            // Nothing was seen before: everything waiting up to now may join.
            let sql = db as! any SQLDatabase
            let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .column(SQLFunction("MAX", args: SQLColumn("id")), as: "last")
                .from(SurveyResponseRecord.schema)
                .where("round_code", .equal, code).where("version", .is, SQLLiteral.null).first()
            let n = try row?.decode(column: "n", as: Int.self) ?? 0
            let last = n > 0 ? try row?.decode(column: "last", as: Int.self) ?? 0 : 0
            return (n, .upTo(id: last, count: n))
        }
        let order = try await catalog.questionnaire(for: round)?.items.map(\.code) ?? []
        let waiting = try await ResponseRows.read(round: code, version: nil, itemOrder: order, on: db)
        let scheme = try await ReportEngine.scheme(db: db).0
        let admitted = TemporalDisclosure.admitted(waiting.map(\.record), scheme: scheme, hasEarlierVersion: true,
                                                   threshold: threshold)
        return (waiting.count, .ids(zip(waiting, admitted).filter(\.1).map(\.0.id)))
    }

    enum Admitted {
        case upTo(id: Int, count: Int)
        case ids([Int])

        var count: Int {
            switch self {
            case .upTo(_, let count): count
            case .ids(let ids): ids.count
            }
        }
    }

    private func waitingCount(_ code: String) async throws -> Int {
        try await SurveyResponseRecord.query(on: db).filter(\.$roundCode == code).filter(\.$version == nil).count()
    }

    private func save(_ version: RoundVersion, of code: String, responses: Admitted, event: AuditEvent) async throws {
        try await db.audited(actor: actor) { db in
            try await SurveyRoundVersionRecord(roundCode: code, version: version, madeBy: actor).create(on: db)
            let sql = db as! any SQLDatabase
            switch responses {
            case .upTo(let last, _):
                try await sql.update(SurveyResponseRecord.schema).set("version", to: version.number)
                    .where("round_code", .equal, code).where("version", .is, SQLLiteral.null)
                    .where("id", .lessThanOrEqual, last).run()
            case .ids(let ids):
                for start in stride(from: 0, to: ids.count, by: 500) {
                    try await sql.update(SurveyResponseRecord.schema).set("version", to: version.number)
                        .where("id", .in, Array(ids[start..<min(start + 500, ids.count)]))
                        .where("version", .is, SQLLiteral.null).run()
                }
            }
            return ((), [event])
        }
    }
}

extension Application {
    func roundVersions(actor: String) -> RoundVersions {
        RoundVersions(db: db, catalog: surveyCatalog, threshold: config.disclosureThreshold, actor: actor)
    }
}

extension Request {
    func roundVersions() -> RoundVersions {
        RoundVersions(db: db, catalog: surveyCatalog, threshold: config.disclosureThreshold, actor: auditActor)
    }
}

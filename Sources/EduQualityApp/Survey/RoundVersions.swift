import EduQualityDomain
import Fluent
import SQLKit
import Vapor

/// Publishes rounds, for the command line and the survey administration page alike. The rules
/// are the domain's (`RoundVersionHistory`); this counts what is waiting, then marks those
/// responses and records the version with its audit event in one transaction.
struct RoundVersions {
    let db: any Database
    let catalog: SurveyCatalog
    let threshold: DisclosureThreshold
    let actor: String

    struct Made: Sendable {
        let version: RoundVersion
        /// Responses in all the round's versions, this one included.
        let total: Int

        /// "Round NETS-2025 published (version 2): 8,503 responses."
        func publicationMessage(_ code: String) -> String {
            "Round \(code) published (version \(version.number)): \(total) responses."
        }
    }

    func history(of record: SurveyRoundRecord, _ round: SurveyRound) async throws -> RoundVersionHistory {
        try await Self.history(of: record.code, round, on: db)
    }

    static func history(of code: String, _ round: SurveyRound, on db: any Database) async throws -> RoundVersionHistory {
        let records = try await SurveyRoundVersionRecord.query(on: db).filter(\.$roundCode == code).all()
        return RoundVersionHistory(round: round, versions: records.compactMap(\.version))
    }

    /// Publishes (or re-publishes) a closed round with every response waiting.
    func publish(_ code: String, today: CalendarDay = .today()) async throws -> Made {
        guard let record = try await catalog.roundRecord(code), let round = SurveyCatalog.round(from: record) else {
            throw AppError.notFound("There is no survey round \"\(code)\"")
        }
        let code = record.code
        return try await db.audited(actor: actor) { [threshold, actor] db in
            var history = try await Self.history(of: code, round, on: db)
            // Counted inside the write, so what is counted is what is marked.
            let sql = db as! any SQLDatabase
            let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SurveyResponseRecord.schema)
                .where("round_code", .equal, code).where("version", .is, SQLLiteral.null).first()
            let waiting = try row?.decode(column: "n", as: Int.self) ?? 0
            let (version, event): (RoundVersion, AuditEvent)
            do {
                (version, event) = try history.publish(today: today, waiting: waiting, threshold: threshold)
            } catch let refusal as RoundPublicationRefusal {
                throw AppError.conflict(refusal.description)
            }
            try await SurveyRoundVersionRecord(roundCode: code, version: version, madeBy: actor).create(on: db)
            try await sql.update(SurveyResponseRecord.schema).set("version", to: version.number)
                .where("round_code", .equal, code).where("version", .is, SQLLiteral.null).run()
            return (Made(version: version, total: history.responses), [event])
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

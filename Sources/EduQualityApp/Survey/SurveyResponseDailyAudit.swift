import EduQualityDomain
import Fluent
import SQLKit

/// Survey responses sent through the pages are not audited one by one (an entry per response,
/// placed between named entries, would date it to the minute). Once a day has ended, the
/// housekeeping job appends one `survey-response.daily` entry per round and day with how many
/// responses the round received that day. A count that changes afterwards (a response committed
/// just after midnight under the previous day) gets a further entry with the new total.
enum SurveyResponseDailyAudit {
    static let action = "survey-response.daily"
    static let actor = "system:audit"

    /// Appends the counts of every day before `today` not yet recorded; returns how many entries.
    @discardableResult
    static func appendCounts(before today: CalendarDay, on db: any Database) async throws -> Int {
        try await db.audited(actor: actor) { tx in
            let sql = tx as! any SQLDatabase
            let rows = try await sql.raw("""
                SELECT round_code, submitted_on, COUNT(*) AS responses FROM survey_responses
                WHERE source = 'web' AND submitted_on < \(bind: today.iso)
                GROUP BY round_code, submitted_on
                """).all()
            var recorded: [String: String] = [:]
            for entry in try await AuditEntry.query(on: tx).filter(\.$action == action).sort(\.$id).all() {
                guard let after = AuditLog.decode(entry.afterJSON), let day = after["day"] else { continue }
                recorded[entry.entityID + " " + day] = after["responses"]
            }
            var counts: [(round: String, day: String, responses: String)] = []
            for row in rows {
                let round = try row.decode(column: "round_code", as: String.self)
                let day = try row.decode(column: "submitted_on", as: String.self)
                let responses = String(try row.decode(column: "responses", as: Int.self))
                if recorded[round + " " + day] != responses { counts.append((round, day, responses)) }
            }
            let events = counts.sorted { ($0.day, $0.round) < ($1.day, $1.round) }.map {
                AuditEvent(action: action, entityType: "survey-round", entityID: $0.round,
                           after: ["day": $0.day, "responses": $0.responses])
            }
            return (events.count, events)
        }
    }
}

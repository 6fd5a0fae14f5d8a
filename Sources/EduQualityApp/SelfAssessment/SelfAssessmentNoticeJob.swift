import EduQualityDomain
import Fluent
import Vapor

/// The background job's part for self-assessment: for the window that is open or has just
/// closed, each taking part organisation's education leads are reminded two weeks before the
/// closing day while the assessment is not submitted, and told once it is overdue (audited) —
/// each notice once per organisation and year.
enum SelfAssessmentNoticeJob {
    static func run(on db: any Database, today: CalendarDay, siteURL: String) async throws {
        let windows = try await SelfAssessmentWindowRecord.query(on: db).all().compactMap { r in r.window.map { (r, $0) } }
        guard let window = windows.map(\.1).filter({ $0.state(on: today) != .upcoming }).max(by: { $0.year < $1.year }) else { return }
        let year = window.year.label
        let assessments = try await SelfAssessmentStore.assessments(year: window.year, on: db)
        let sent = Set(try await SelfAssessmentNoticeRecord.query(on: db).filter(\.$year == year).all().map { "\($0.organisationCode):\($0.kind)" })
        let organisations = try await Organisation.inUse(on: db).all().filter { OrganisationType(rawValue: $0.type)?.hostsPlacements == true }
        var leads: [String: [String]]?
        for organisation in organisations {
            let progress = SelfAssessmentProgress(assessments[organisation.code]?.1.status)
            guard let kind = SelfAssessmentNotice.due(window: window, progress: progress, on: today),
                  !sent.contains("\(organisation.code):\(kind.rawValue)") else { continue }
            if leads == nil { leads = try await educationLeads(on: db) }
            let notice = SelfAssessmentNotice(kind: kind, organisationName: organisation.name, window: window,
                                              link: siteURL + "/quality/self-assessment/\(year)/\(organisation.code)")
            let recipients = leads?[organisation.code] ?? []
            try await db.audited(actor: "system:calendar") { db in
                for recipient in recipients {
                    try await OutboxMessage(recipient: recipient, subject: notice.subject, body: notice.body, kind: kind.rawValue,
                                            dedupeKey: "\(kind.rawValue):\(year):\(organisation.code):\(recipient)").create(on: db)
                }
                try await SelfAssessmentNoticeRecord(year: year, organisationCode: organisation.code, kind: kind.rawValue,
                                                     sentOn: today.iso).create(on: db)
                let event = kind == .overdue
                    ? [AuditEvent(action: "self-assessment.overdue", entityType: "self-assessment", entityID: "\(year)/\(organisation.code)",
                                  after: ["closesOn": window.closesOn.iso, "status": progress.rawValue])]
                    : []
                return ((), event)
            }
        }
    }

    /// Active accounts that complete their organisation's self-assessment, by organisation code.
    private static func educationLeads(on db: any Database) async throws -> [String: [String]] {
        var leads: [String: [String]] = [:]
        for user in try await User.query(on: db).filter(\.$isActive == true).with(\.$roles).all() {
            for assignment in user.actor.assignments where Authorization.permittedActions(for: assignment.role).contains(.completeSelfAssessment) {
                if case .organisation(let code) = assignment.scope { leads[code, default: []].append(user.email) }
            }
        }
        return leads
    }
}

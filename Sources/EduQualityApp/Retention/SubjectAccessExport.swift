import EduQualityDomain
import Fluent
import Foundation
import SQLKit

/// Everything the service holds about one named person, found by their email address: their
/// staff account (without its password hash, two-step secret or token hashes), the concerns they
/// raised openly or in confidence (with every timeline entry), the guardian directory's entries,
/// the notices sent to them, the audit log's entries of what they did, and every other record
/// that names them as the one who did something. Anonymous reports hold nothing that points at
/// anyone, so they are never found. The export is for an administrator to review before it is
/// released: case records can hold other people's information too.
struct SubjectAccessExport: Encodable, Sendable {
    struct Account: Encodable, Sendable {
        let id: String
        let email: String
        let displayName: String
        let active: Bool
        let lockedUntil: Date?
        let mustChangePassword: Bool
        let twoStepSignIn: Bool
        let unusedRecoveryCodes: Int
        let roles: [Role]
        let apiTokens: [Token]
        let sessions: [Session]
    }
    struct Role: Encodable, Sendable { let role: String; let region: String?; let organisation: String?; let site: String? }
    struct Token: Encodable, Sendable { let name: String; let createdOn: String; let lastUsedOn: String? }
    struct Session: Encodable, Sendable { let startedAt: Date; let lastSeenAt: Date; let browser: String }
    struct RaisedConcern: Encodable, Sendable {
        let reference: String
        let submittedOn: String
        let howRaised: String
        let reporterName: String?
        let reporterEmail: String?
        let organisation: String
        let site: String?
        let category: String
        let whatHappened: String
        let desiredOutcome: String?
        let status: String
        let timeline: [ConcernTimelineEntry]
    }
    struct Guardian: Encodable, Sendable { let name: String; let organisation: String; let email: String; let phone: String?; let availability: String? }
    struct Notice: Encodable, Sendable { let queuedOn: String; let sentOn: String?; let kind: String; let subject: String; let body: String }
    struct AuditLine: Encodable, Sendable {
        let sequence: Int
        let at: Date
        let action: String
        let entityType: String
        let entityID: String
        let before: [String: String]?
        let after: [String: String]?
    }
    /// A record naming the person in one of its columns, by the record's key.
    struct Mention: Encodable, Sendable { let record: String; let field: String; let key: String }

    let email: String
    let madeOn: String
    let account: Account?
    let concernsRaised: [RaisedConcern]
    let guardianDirectory: [Guardian]
    let notices: [Notice]
    let auditEntries: [AuditLine]
    let namedIn: [Mention]

    /// The columns that hold who did something (an email, an account id or a display name), and
    /// the column that identifies their record. The audit log has every change too; these are
    /// the records themselves.
    static let actorColumns: [(table: String, column: String, key: String)] = [
        ("concerns", "assignee", "reference"),
        ("emerging_concerns", "raised_by", "reference"),
        ("emerging_concern_access", "user_id", "concern_reference"),
        ("emerging_concern_history", "actor", "concern_reference"),
        ("register_entries", "owner_id", "reference"),
        ("register_history", "actor", "entry_id"),
        ("review_requirements", "owner", "reference"),
        ("review_history", "actor", "review_id"),
        ("evidence_files", "uploaded_by", "id"),
        ("isf_decisions", "decided_by", "id"),
        ("isf_decisions", "ratified_by", "id"),
        ("self_assessment_windows", "created_by", "year"),
        ("self_assessment_history", "actor", "assessment_id"),
        ("impact_assessment_history", "actor", "assessment_reference"),
        ("impact_assessment_forms", "saved_by", "version"),
        ("quality_framework_versions", "created_by", "number"),
        ("quality_framework_versions", "published_by", "number"),
        ("survey_comments", "triaged_by", "id"),
        ("survey_round_versions", "made_by", "round_code"),
        ("gmc_survey_results", "imported_by", "reference"),
        ("early_warning_decisions", "by_name", "id"),
    ]

    static func make(email rawEmail: String, on db: any Database, today: CalendarDay = .today()) async throws -> SubjectAccessExport {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let user = try await User.query(on: db).filter(\.$email == email).with(\.$roles).first()
        var names = [email]
        var account: Account?
        if let user {
            names += [try user.requireID().uuidString, user.displayName]
            account = try await Self.account(user, on: db)
        }
        let concerns = try await Self.concerns(email: email, accountID: user?.id?.uuidString, on: db)
        let guardians = try await GuardianDirectoryRecord.query(on: db).filter(\.$email == email).all().map {
            Guardian(name: $0.name, organisation: $0.organisationCode, email: $0.email, phone: $0.phone, availability: $0.availability)
        }
        let notices = try await OutboxMessage.query(on: db).filter(\.$recipient == email).sort(\.$createdOn).all().map {
            Notice(queuedOn: $0.createdOn, sentOn: $0.sentOn, kind: $0.kind, subject: $0.subject, body: $0.body)
        }
        let audit = try await AuditEntry.query(on: db).filter(\.$actor ~~ names).sort(\.$id).all().map {
            AuditLine(sequence: $0.id ?? 0, at: $0.occurredAt, action: $0.action, entityType: $0.entityType, entityID: $0.entityID,
                      before: AuditLog.decode($0.beforeJSON), after: AuditLog.decode($0.afterJSON))
        }
        return SubjectAccessExport(email: email, madeOn: today.iso, account: account, concernsRaised: concerns,
                                   guardianDirectory: guardians, notices: notices, auditEntries: audit,
                                   namedIn: try await Self.mentions(of: names, on: db))
    }

    /// Whether anything at all was found.
    var isEmpty: Bool {
        account == nil && concernsRaised.isEmpty && guardianDirectory.isEmpty && notices.isEmpty && auditEntries.isEmpty && namedIn.isEmpty
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func account(_ user: User, on db: any Database) async throws -> Account {
        let id = try user.requireID()
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == id).all()
        let sessions = try await AccountSessionRecord.query(on: db).filter(\.$userID == id).all()
        let codes = try await RecoveryCodeRecord.query(on: db).filter(\.$userID == id).filter(\.$usedAt == nil).count()
        return Account(
            id: id.uuidString, email: user.email, displayName: user.displayName, active: user.isActive,
            lockedUntil: user.lockedUntil, mustChangePassword: user.passwordExpiresAt != nil,
            twoStepSignIn: user.twoStepEnabledAt != nil, unusedRecoveryCodes: codes,
            roles: user.roles.map { Role(role: $0.role, region: $0.regionCode, organisation: $0.organisationCode, site: $0.siteCode) },
            apiTokens: tokens.map { Token(name: $0.name, createdOn: $0.createdOn, lastUsedOn: $0.lastUsedOn) },
            sessions: sessions.map {
                Session(startedAt: Date(timeIntervalSince1970: $0.startedAt), lastSeenAt: Date(timeIntervalSince1970: $0.lastSeenAt),
                        browser: $0.userAgent)
            })
    }

    private static func concerns(email: String, accountID: String?, on db: any Database) async throws -> [RaisedConcern] {
        let records = try await ConcernRecord.query(on: db).group(.or) { either in
            either.filter(\.$reporterEmail == email)
            if let accountID { either.filter(\.$accountID == accountID) }
        }.sort(\.$submittedOn).all()
        let concerns = try await ConcernStore(db: db, clocks: .standard).restoreAll(records)
        return zip(records, concerns).map { record, concern in
            RaisedConcern(reference: record.reference, submittedOn: record.submittedOn, howRaised: record.howRaised,
                          reporterName: record.reporterName, reporterEmail: record.reporterEmail,
                          organisation: record.organisation, site: record.site, category: record.category,
                          whatHappened: record.whatHappened, desiredOutcome: record.desiredOutcome, status: record.status,
                          timeline: concern.timeline)
        }
    }

    private static func mentions(of names: [String], on db: any Database) async throws -> [Mention] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var mentions: [Mention] = []
        for (table, column, key) in actorColumns {
            let list = SQLList(names.map { SQLBind($0) })
            let rows = try await sql.raw("""
                SELECT CAST(\(ident: key) AS TEXT) AS record_key FROM \(ident: table) WHERE \(ident: column) IN (\(list)) ORDER BY 1
                """).all()
            mentions += try rows.map { Mention(record: table, field: column, key: try $0.decode(column: "record_key", as: String.self)) }
        }
        return mentions
    }
}

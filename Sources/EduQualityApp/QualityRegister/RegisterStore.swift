import EduQualityDomain
import Fluent
import Vapor

/// Reading and writing register entries, always within what the visitor may see. The rule is the
/// domain's (`Authorization` on the entry's location); the query is only narrowed first.
enum RegisterStore {
    /// Every entry `actor` may read, newest first.
    static func visible(to actor: Actor, on db: any Database) async throws -> [(RegisterEntryRecord, RegisterEntry)] {
        let readers = actor.assignments.filter { Authorization.permittedActions(for: $0.role).contains(.viewQualityRegister) }
        guard !readers.isEmpty else { return [] }
        let query = RegisterEntryRecord.query(on: db)
        if !readers.contains(where: { $0.scope == .national }) {
            query.group(.or) { or in
                for a in readers {
                    switch a.scope {
                    case .region(let code): or.filter(\.$regionCode == code)
                    case .organisation(let code): or.filter(\.$organisationCode == code)
                    case .site(let o, _): or.filter(\.$organisationCode == o)
                    default: or.filter(\.$reference == "")
                    }
                }
            }
        }
        return try await query.sort(\.$number, .descending).all().compactMap { record in
            guard let entry = record.entry,
                  Authorization.isAllowed(actor, .viewQualityRegister, .located(entry.location)) else { return nil }
            return (record, entry)
        }
    }

    /// The entry with `reference`, once the visitor may do `action` on it. An entry outside the
    /// visitor's scope answers exactly as one that does not exist.
    static func find(_ reference: String, allowing action: Action, _ req: Request) async throws -> (RegisterEntryRecord, RegisterEntry) {
        guard let record = try await RegisterEntryRecord.query(on: req.db).filter(\.$reference == reference.uppercased()).first(),
              let entry = record.entry,
              Authorization.isAllowed(req.actor, .viewQualityRegister, .located(entry.location)) else {
            throw req.notVisible(.viewQualityRegister, "There is no register entry \(reference) you can see")
        }
        try req.authorize(action, .located(entry.location))
        return (record, entry)
    }

    /// The reference of the entry `typed` names, for linking from elsewhere: one the visitor may
    /// do `action` on, about `organisation`; otherwise a message for the `registerEntry` field.
    static func entryToLink(_ typed: String?, about organisation: String, allowing action: Action, _ req: Request) async throws -> String {
        guard let reference = FormProblems.clean(typed)?.uppercased() else {
            throw InvalidForm(field: "registerEntry", "Enter the register entry's reference, such as QR-00012.")
        }
        guard let record = try await RegisterEntryRecord.query(on: req.db).filter(\.$reference == reference).first(),
              let entry = record.entry, Authorization.isAllowed(req.actor, action, .located(entry.location)) else {
            throw InvalidForm(field: "registerEntry", "There is no register entry \(reference) you can \(action == .editQualityRegister ? "update" : "read").")
        }
        guard entry.organisation == organisation else {
            throw InvalidForm(field: "registerEntry", "Register entry \(reference) is about another organisation.")
        }
        return reference
    }

    static func history(of record: RegisterEntryRecord, on db: any Database) async throws -> [RegisterHistoryRecord] {
        try await RegisterHistoryRecord.query(on: db).filter(\.$entryID == record.requireID()).sort(\.$at).all()
    }

    /// Opens `draft` as a new entry owned by `owner`, with its first history line.
    static func open(_ draft: RegisterEntryDraft, owner: String, _ req: Request) async throws -> RegisterEntry {
        let bands = req.riskBands
        let actor = req.signedIn?.user.displayName ?? req.auditActor
        return try await req.db.audited(actor: req.auditActor) { db in
            // Writes are serialised, so the next number cannot be taken twice.
            let number = (try await RegisterEntryRecord.query(on: db).max(\.$number) ?? 0) + 1
            let (entry, change) = draft.open(reference: RegisterEntry.reference(number: number), owner: owner,
                                             on: .today(), bands: bands)
            let record = RegisterEntryRecord()
            record.number = number
            record.apply(entry)
            try await record.create(on: db)
            try await write(change, of: record, actor: actor, on: db)
            return (entry, [change.audit])
        }
    }

    /// Saves a changed entry with its history line, audited.
    static func save(_ entry: RegisterEntry, _ change: RegisterChange, record: RegisterEntryRecord, _ req: Request) async throws {
        guard !change.isEmpty else { return }
        let actor = req.signedIn?.user.displayName ?? req.auditActor
        try await req.db.audited(actor: req.auditActor) { db in
            record.apply(entry)
            try await record.update(on: db)
            try await write(change, of: record, actor: actor, on: db)
            return ((), [change.audit])
        }
    }

    private static func write(_ change: RegisterChange, of record: RegisterEntryRecord, actor: String, on db: any Database) async throws {
        let at = Date()
        try await RegisterHistoryRecord(entryID: record.requireID(), at: at, actor: actor,
                                        change: change.lines.joined(separator: "\n")).create(on: db)
    }
}

import Fluent
import SQLKit
import Vapor

extension Database {
    /// A write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// read inside it can never be overtaken by another connection's write, and writers from
    /// this process queue at the database's `SQLiteWriteGate` first, in Swift, instead of each
    /// holding a connection while SQLite's busy handler spins (another process, such as the
    /// import command, is kept out by the lock itself). Elsewhere, a normal transaction.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        let gate = context.configuration.middleware.lazy.compactMap { ($0 as? SQLiteWriteGate.Carrier)?.gate }.first
            ?? SQLiteWriteGate.processWide
        await gate.acquire()
        do {
            let result = try await withConnection { connection in
                let conn = connection as! any SQLDatabase
                try await conn.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(connection)
                    try await conn.raw("COMMIT").run()
                    return result
                } catch {
                    try? await conn.raw("ROLLBACK").run()
                    throw error
                }
            }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}

/// One writer at a time for one SQLite database in this process. Each configured SQLite
/// database gets its own gate (see `Carrier`); a database configured without one shares the
/// process-wide gate.
actor SQLiteWriteGate {
    static let processWide = SQLiteWriteGate()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }

    /// Keeps a database's gate in its Fluent configuration, so every handle on that database (a
    /// request's, a command's, a transaction's) finds the same gate. It passes every model event
    /// through unchanged.
    struct Carrier: AnyModelMiddleware {
        let gate: SQLiteWriteGate

        func handle(_ event: ModelEvent, _ model: any AnyModel, on db: any Database,
                    chainingTo next: any AnyModelResponder) -> EventLoopFuture<Void> {
            next.handle(event, model, on: db)
        }
    }
}

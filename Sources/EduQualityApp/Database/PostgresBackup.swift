import Foundation

/// PostgreSQL's half of `DatabaseBackup`, through PostgreSQL's own client tools: `pg_dump` in its
/// custom format (one consistent snapshot of the database, taken while it serves) and
/// `pg_restore` in one transaction (all or nothing). The connection settings go to them as
/// libpq's environment variables, so the password never appears in a process list.
enum PostgresBackup {
    static func dump(url: String, to file: String) async throws {
        let partial = file + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=" + partial], url: url)
        guard rename(partial, file) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw DatabaseBackup.Failure("\(partial) could not be moved to \(file): \(String(cString: strerror(errno)))")
        }
    }

    /// `clean` drops what the backup holds before recreating it (the database was not empty).
    static func restore(_ file: String, url: String, clean: Bool) async throws {
        try await run("pg_restore", ["--list", file], url: nil)
        try await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
                      + (clean ? ["--clean", "--if-exists"] : []) + [file], url: url, database: true)
    }

    /// The tool's path, or nil when it is not installed: on the `PATH`, or else in the newest of
    /// Debian's versioned folders (`/usr/lib/postgresql/15/bin`).
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        return (path.split(separator: ":").map(String.init) + versions).map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// libpq's variables for a `postgres://user:password@host:port/database?sslmode=…` URL.
    static func environment(url: String) throws -> [String: String] {
        guard let parts = URLComponents(string: url), let host = parts.host else {
            throw DatabaseBackup.Failure("DATABASE_URL is not a URL PostgreSQL's tools can use")
        }
        var env = ["PGHOST": host]
        if let port = parts.port { env["PGPORT"] = String(port) }
        if let user = parts.user { env["PGUSER"] = user.removingPercentEncoding ?? user }
        if let password = parts.password { env["PGPASSWORD"] = password.removingPercentEncoding ?? password }
        let database = String(parts.path.drop { $0 == "/" })
        if !database.isEmpty { env["PGDATABASE"] = database.removingPercentEncoding ?? database }
        for item in parts.queryItems ?? [] where item.name == "sslmode" || item.name == "sslrootcert" {
            if let value = item.value { env["PG" + item.name.uppercased()] = value }
        }
        return env
    }

    static func run(_ name: String, _ arguments: [String], url: String?, database: Bool = false) async throws {
        guard let executable = tool(name) else {
            throw DatabaseBackup.Failure("\(name) is not installed: install PostgreSQL's client tools (Debian: postgresql-client, "
                                         + "the same major version as the server or newer) and run again")
        }
        var env = ProcessInfo.processInfo.environment
        if let url { env.merge(try environment(url: url)) { $1 } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // pg_restore restores into --dbname only; the name comes from PGDATABASE like the rest.
        process.arguments = database ? ["--dbname=" + (env["PGDATABASE"] ?? "postgres")] + arguments : arguments
        process.environment = env
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("eduquality-\(name)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let log = try FileHandle(forWritingTo: errors)
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: DatabaseBackup.Failure("\(name) could not be started: \(error)"))
            }
        }
        try? log.close()
        guard status == 0 else {
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw DatabaseBackup.Failure("\(name) failed (exit \(status)): " + said.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

import Foundation
import Logging
import Vapor

/// One JSON object per line (`LOG_FORMAT=json`), for log collectors: `time` (UTC, to the
/// millisecond), `level`, `label`, `message`, `source` and any metadata under `metadata`. It writes
/// what it is given and adds nothing: what the service logs is kept free of reporters' data where
/// it is logged (`RequestLoggingMiddleware`: method, path, status and time only), and this
/// handler never adds a client address, header or body of its own.
struct JSONLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    private let write: @Sendable (String) -> Void

    init(label: String, level: Logger.Level = .info, write: @escaping @Sendable (String) -> Void = { JSONLogHandler.standardOutput($0) }) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        var object: [String: Any] = [
            "time": Self.timestamp(Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description, "source": event.source,
        ]
        if !all.isEmpty { object["metadata"] = all.mapValues(Self.json) }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return }
        write(text)
    }

    private static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let s): s
        case .stringConvertible(let c): c.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// One line, written whole with its newline.
    static func standardOutput(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// How the executable sets up logging: Vapor's console logger, or `JSONLogHandler` when
/// `LOG_FORMAT=json` (at `LOG_LEVEL`, default info; below info is raised to info, as `configure` does).
public enum ServiceLogging {
    public static func bootstrap(from environment: inout Vapor.Environment) throws {
        let env = ProcessInfo.processInfo.environment
        switch env["LOG_FORMAT"]?.lowercased() ?? "" {
        case "", "text":
            try LoggingSystem.bootstrap(from: &environment)
        case "json":
            let asked = env["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
            let level = max(asked, .info)
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        case let other:
            throw ConfigError("LOG_FORMAT must be json or text, got \(other)")
        }
    }
}

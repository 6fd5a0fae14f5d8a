import Foundation
import EduQualityDomain

/// Everything the service reads from its environment, parsed once at start.
public struct AppConfig: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        /// The embedded default: a file under the data folder (WAL mode), or memory for tests.
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: DatabaseChoice
    /// Whether cookies carry `Secure` (set when the public URL is https).
    public var secureCookies: Bool
    public var disclosureThreshold: DisclosureThreshold
    /// Secret for CSRF tokens; random per start unless configured (several instances must share it).
    public var formSecret: [UInt8]
    public var seedDirectory: String
    public var demo: Bool
    /// Working-day clocks for concerns (acknowledge in 2, respond in 20 by default).
    public var concernClocks: ConcernClocks = .standard
    /// The mail relay for notices; without one, notices wait on the outbox page.
    var smtp: SMTPClient? = nil

    public init(database: DatabaseChoice, secureCookies: Bool = false,
                disclosureThreshold: DisclosureThreshold = .standard,
                formSecret: [UInt8] = AppConfig.randomSecret(), seedDirectory: String, demo: Bool = false) {
        self.database = database
        self.secureCookies = secureCookies
        self.disclosureThreshold = disclosureThreshold
        self.formSecret = formSecret
        self.seedDirectory = seedDirectory
        self.demo = demo
    }

    /// Reads `DATABASE_URL`, `EDUQUALITY_DATA_DIR`, `PUBLIC_URL`, `DISCLOSURE_THRESHOLD`, `FORM_SECRET`.
    public static func fromEnvironment(workingDirectory: String, demo: Bool) throws -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigError("DATABASE_URL must start with postgres:// (or be unset for the embedded SQLite file)")
            }
            database = .postgres(url: url)
        } else {
            let dataDir = env["EDUQUALITY_DATA_DIR"] ?? workingDirectory + "data"
            database = .sqliteFile(dataDir + "/eduquality.sqlite")
        }
        var threshold = DisclosureThreshold.standard
        if let raw = env["DISCLOSURE_THRESHOLD"] {
            guard let n = Int(raw), let t = DisclosureThreshold(n) else {
                throw ConfigError("DISCLOSURE_THRESHOLD must be a whole number of at least 2, got \(raw)")
            }
            threshold = t
        }
        let secret = env["FORM_SECRET"].map { Array($0.utf8) } ?? randomSecret()
        var clocks = ConcernClocks.standard
        for (key, path) in [("CONCERN_ACKNOWLEDGE_DAYS", \ConcernClocks.acknowledgeWithin),
                            ("CONCERN_RESPOND_DAYS", \ConcernClocks.respondWithin)] {
            guard let raw = env[key] else { continue }
            guard let n = Int(raw), (1...250).contains(n) else {
                throw ConfigError("\(key) must be a number of working days from 1 to 250, got \(raw)")
            }
            clocks[keyPath: path] = n
        }
        var config = AppConfig(database: database,
                         secureCookies: env["PUBLIC_URL"]?.hasPrefix("https://") ?? false,
                         disclosureThreshold: threshold,
                         formSecret: secret,
                         seedDirectory: workingDirectory + "Seed",
                         demo: demo)
        config.concernClocks = clocks
        config.smtp = smtpFromEnvironment()
        return config
    }

    public static func randomSecret() -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

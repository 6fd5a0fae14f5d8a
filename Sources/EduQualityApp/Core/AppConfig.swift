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
    /// `PUBLIC_URL` without a trailing slash: the base of links in notices (`Application.siteURL`).
    public var publicURL: String? = nil
    public var disclosureThreshold: DisclosureThreshold
    /// Secret for CSRF tokens; random per start unless configured (several instances must share it).
    public var formSecret: [UInt8]
    /// Key of the receipt codes' stored digests (`ReceiptDigest`). It must stay the same for as
    /// long as concerns are followed up: `RECEIPT_SECRET`, or else a random one kept in the data
    /// folder (`ReceiptSecretFile`). Tests get a random one.
    public var receiptSecret: [UInt8]
    public var seedDirectory: String
    public var demo: Bool
    /// Working-day clocks for concerns (acknowledge in 2, respond in 20 by default).
    public var concernClocks: ConcernClocks = .standard
    /// The mail relay for notices; without one, notices wait on the outbox page.
    var smtp: SMTPClient? = nil
    /// Where evidence files are kept (`evidence` in the data folder; outside the web root, since
    /// only `Public/` is served). Tests get a fresh temporary folder.
    public var evidenceDirectory: String = NSTemporaryDirectory() + "eduquality-evidence-" + UUID().uuidString
    /// `METRICS_TOKEN`: the Bearer token `/metrics` asks for; unset, `/metrics` is not served.
    public var metricsToken: String? = nil
    /// `SESSION_IDLE_MINUTES` and `SESSION_ABSOLUTE_HOURS`: when a signed-in session ends.
    public var sessionTimeouts: SessionTimeouts = .standard
    /// HSTS is sent only when the service is reached over https (`PUBLIC_URL`): over plain http
    /// (a laptop, the demo) it would be ignored at best and lock a browser out at worst.
    public var strictTransportSecurity: Bool { publicURL?.hasPrefix("https://") == true }

    public init(database: DatabaseChoice, secureCookies: Bool = false,
                disclosureThreshold: DisclosureThreshold = .standard,
                formSecret: [UInt8] = AppConfig.randomSecret(), receiptSecret: [UInt8] = AppConfig.randomSecret(),
                seedDirectory: String, demo: Bool = false) {
        self.database = database
        self.secureCookies = secureCookies
        self.disclosureThreshold = disclosureThreshold
        self.formSecret = formSecret
        self.receiptSecret = receiptSecret
        self.seedDirectory = seedDirectory
        self.demo = demo
    }

    /// Reads `DATABASE_URL`, `EDUQUALITY_DATA_DIR`, `PUBLIC_URL`, `DISCLOSURE_THRESHOLD`, `FORM_SECRET`,
    /// `RECEIPT_SECRET`, `EVIDENCE_DIR`, `METRICS_TOKEN`, the concern clocks, the session time-outs
    /// and the mail relay.
    public static func fromEnvironment(workingDirectory: String, demo: Bool) throws -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        let database: DatabaseChoice
        let dataDir = env["EDUQUALITY_DATA_DIR"] ?? workingDirectory + "data"
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigError("DATABASE_URL must start with postgres:// (or be unset for the embedded SQLite file)")
            }
            database = .postgres(url: url)
        } else {
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
        let receiptSecret: [UInt8]
        if let configured = env["RECEIPT_SECRET"] {
            guard configured.utf8.count >= 16 else {
                throw ConfigError("RECEIPT_SECRET must be at least 16 characters (or unset to keep one in the data folder)")
            }
            receiptSecret = Array(configured.utf8)
        } else {
            receiptSecret = try ReceiptSecretFile(directory: dataDir).secret()
        }
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
                         receiptSecret: receiptSecret,
                         seedDirectory: workingDirectory + "Seed",
                         demo: demo)
        config.concernClocks = clocks
        config.evidenceDirectory = env["EVIDENCE_DIR"] ?? dataDir + "/evidence"
        if let url = env["PUBLIC_URL"], !url.isEmpty {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw ConfigError("PUBLIC_URL must start with https:// or http://, got \(url)")
            }
            config.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        config.smtp = smtpFromEnvironment()
        config.sessionTimeouts = try sessionTimeoutsFromEnvironment(env)
        if let token = env["METRICS_TOKEN"], !token.isEmpty {
            guard token.utf8.count >= 16 else {
                throw ConfigError("METRICS_TOKEN must be at least 16 characters (or unset to serve no /metrics)")
            }
            config.metricsToken = token
        }
        return config
    }

    static func sessionTimeoutsFromEnvironment(_ env: [String: String]) throws -> SessionTimeouts {
        func whole(_ key: String) throws -> Int? {
            guard let raw = env[key], !raw.isEmpty else { return nil }
            guard let n = Int(raw), n > 0 else { throw ConfigError("\(key) must be a whole number above 0, got \(raw)") }
            return n
        }
        let standard = SessionTimeouts.standard
        let idle = try whole("SESSION_IDLE_MINUTES").map { $0 * 60 } ?? standard.idleSeconds
        let absolute = try whole("SESSION_ABSOLUTE_HOURS").map { $0 * 3600 } ?? standard.absoluteSeconds
        let problem: String
        do throws(InvalidForm) {
            return try SessionTimeouts(idleSeconds: idle, absoluteSeconds: absolute)
        } catch {
            problem = error.problems.map(\.message).joined(separator: " ")
        }
        throw ConfigError("SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS: " + problem)
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

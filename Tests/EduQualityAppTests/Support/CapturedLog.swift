import Logging
import NIOConcurrencyHelpers

/// Everything the application logs during a test, to prove what it does not say.
final class CapturedLog: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }

    func handler(label: String) -> CapturingHandler { CapturingHandler(log: self) }

    fileprivate func append(_ line: String) { lines.withLockedValue { $0.append(line) } }

    struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            let all = metadata.merging(extra ?? [:]) { $1 }
            log.append("\(level) \(message) \(all.map { "\($0)=\($1)" }.joined(separator: " "))")
        }
    }
}

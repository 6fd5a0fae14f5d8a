import EduQualityDomain
import Foundation
import Vapor

/// The early-warning signal rule, read from `Seed/reference/early-warning-rule.json` when the
/// application starts (the domain's default without it).
enum SignalRuleKey: StorageKey { typealias Value = SignalRule }

extension Application {
    var signalRule: SignalRule { storage[SignalRuleKey.self] ?? .standard }

    func loadSignalRule(seedDirectory: String) throws {
        let path = seedDirectory + "/reference/early-warning-rule.json"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        do {
            storage[SignalRuleKey.self] = try SignalRule(try JSONDecoder().decode(SignalRule.Definition.self, from: data))
        } catch let invalid as InvalidForm {
            throw Abort(.internalServerError, reason: "\(path): \(invalid.problems.map(\.message).joined(separator: " "))")
        }
    }
}

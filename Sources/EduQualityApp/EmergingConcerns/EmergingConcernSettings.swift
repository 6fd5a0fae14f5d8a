import EduQualityDomain
import Foundation
import Vapor

/// The signatories of the Emerging Concerns protocol, read from `Seed/reference/signatories.json`
/// when the application starts (the domain's default list without it).
enum SignatoriesKey: StorageKey { typealias Value = SignatoryList }

extension Application {
    var signatories: SignatoryList { storage[SignatoriesKey.self] ?? .standard }

    func loadSignatories(seedDirectory: String) throws {
        let path = seedDirectory + "/reference/signatories.json"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        do {
            storage[SignatoriesKey.self] = try SignatoryList(try JSONDecoder().decode([Signatory].self, from: data))
        } catch let invalid as InvalidForm {
            throw Abort(.internalServerError, reason: "\(path): \(invalid.problems.map(\.message).joined(separator: " "))")
        }
    }
}

extension Request {
    var signatories: SignatoryList { application.signatories }
    /// The signatory the visitor acts for, if any.
    var signatory: String? { EmergingConcernVisibility.viewer(for: actor, signatories: signatories) }
}

import EduQualityDomain
import Foundation
import Vapor

/// The register's configurable data, read from `Seed/reference/` when the application starts:
/// the risk bands (`risk-bands.json`). Without the file, the domain's defaults.
struct RegisterSettings: Sendable {
    let bands: RiskBands

    static func load(seedDirectory: String) throws -> RegisterSettings {
        let path = seedDirectory + "/reference/risk-bands.json"
        guard let data = FileManager.default.contents(atPath: path) else { return RegisterSettings(bands: .standard) }
        let bands = try JSONDecoder().decode([RiskBand].self, from: data)
        do { return RegisterSettings(bands: try RiskBands(bands)) } catch {
            throw Abort(.internalServerError, reason: "\(path): \(error.description)")
        }
    }
}

enum RegisterSettingsKey: StorageKey { typealias Value = RegisterSettings }

extension Application {
    var registerSettings: RegisterSettings { storage[RegisterSettingsKey.self] ?? RegisterSettings(bands: .standard) }
}

extension Request {
    var riskBands: RiskBands { application.registerSettings.bands }
}

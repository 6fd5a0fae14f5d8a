import Foundation
@testable import EduQualityDomain

enum QualityFrameworkFixtures {
    /// Version 1: two domains, five standards.
    static func version1() -> QualityFramework {
        QualityFramework(version: 1, domains: [
            QualityFrameworkDomain(code: "1", name: "Learning environment and culture", standards: [
                QualityFrameworkStandard(code: "1.1", text: "Safe, effective care."),
                QualityFrameworkStandard(code: "1.2", text: "Learners are treated fairly."),
                QualityFrameworkStandard(code: "1.3", text: "Quality improvement opportunities."),
            ]),
            QualityFrameworkDomain(code: "2", name: "Educational governance and leadership", standards: [
                QualityFrameworkStandard(code: "2.1", text: "Governance measures performance."),
                QualityFrameworkStandard(code: "2.2", text: "Leadership improves quality."),
            ]),
        ])
    }

    /// The repository's `Seed/` folder, found from this file's location.
    static func seedFile(_ relativePath: String) -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Seed").appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        fatalError("Seed/\(relativePath) not found above \(#filePath)")
    }
}

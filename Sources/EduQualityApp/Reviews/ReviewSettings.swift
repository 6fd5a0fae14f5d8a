import EduQualityDomain
import Foundation
import Vapor

/// The reviews' configurable data, read from `Seed/reference/` when the application starts: the
/// review types (`review-types.json`) and the requirements' due-date and RAG rules
/// (`requirement-rules.json`), plus the working days the provider has to check a report's factual
/// accuracy. Without a file, the domain's defaults.
struct ReviewSettings: Sendable {
    let types: ReviewTypes
    let rules: RequirementRules
    let factualAccuracyWorkingDays: Int

    static let standard = ReviewSettings(types: .standard, rules: .standard, factualAccuracyWorkingDays: 10)

    struct RulesFile: Codable {
        var due: RequirementDueRule
        var rag: RAGRule
        var factualAccuracyWorkingDays: Int
    }

    static func load(seedDirectory: String) throws -> ReviewSettings {
        let typesPath = seedDirectory + "/reference/review-types.json"
        let rulesPath = seedDirectory + "/reference/requirement-rules.json"
        var types = ReviewTypes.standard
        if let data = FileManager.default.contents(atPath: typesPath) {
            do { types = try ReviewTypes(try JSONDecoder().decode([ReviewType].self, from: data)) } catch let invalid as InvalidForm {
                throw Abort(.internalServerError, reason: "\(typesPath): \(invalid.problems.map(\.message).joined(separator: " "))")
            }
        }
        guard let data = FileManager.default.contents(atPath: rulesPath) else {
            return ReviewSettings(types: types, rules: .standard, factualAccuracyWorkingDays: 10)
        }
        let file = try JSONDecoder().decode(RulesFile.self, from: data)
        let rules = RequirementRules(due: file.due, rag: file.rag)
        if let problem = rules.problem { throw Abort(.internalServerError, reason: "\(rulesPath): \(problem)") }
        guard (1...60).contains(file.factualAccuracyWorkingDays) else {
            throw Abort(.internalServerError, reason: "\(rulesPath): factualAccuracyWorkingDays must be 1 to 60")
        }
        return ReviewSettings(types: types, rules: rules, factualAccuracyWorkingDays: file.factualAccuracyWorkingDays)
    }
}

enum ReviewSettingsKey: StorageKey { typealias Value = ReviewSettings }

extension Application {
    var reviewSettings: ReviewSettings { storage[ReviewSettingsKey.self] ?? .standard }
}

extension Request {
    var reviewSettings: ReviewSettings { application.reviewSettings }
}

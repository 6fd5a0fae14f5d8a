import EduQualityDomain
import Foundation
import Vapor

/// Imports started from the admin page run in the background; their progress and outcome are kept
/// here (in this server's memory) for the progress page.
actor ImportJobs {
    struct Job: Sendable {
        let id: UUID
        let round: String
        let fileName: String
        let dryRun: Bool
        var progress: ResponseImporter.Progress?
        var outcome: ResponseImporter.Outcome?
        var failure: [String]?
        var finished: Bool { outcome != nil || failure != nil }
    }

    private var jobs: [UUID: Job] = [:]

    func start(round: String, fileName: String, dryRun: Bool) -> UUID {
        let id = UUID()
        jobs[id] = Job(id: id, round: round, fileName: fileName, dryRun: dryRun)
        return id
    }

    func update(_ id: UUID, progress: ResponseImporter.Progress) { jobs[id]?.progress = progress }
    func finish(_ id: UUID, outcome: ResponseImporter.Outcome) { jobs[id]?.outcome = outcome }
    func fail(_ id: UUID, errors: [String]) { jobs[id]?.failure = errors }
    func job(_ id: UUID) -> Job? { jobs[id] }
    func recent() -> [Job] { Array(jobs.values) }
}

enum ImportJobsKey: StorageKey { typealias Value = ImportJobs }

extension Application {
    var importJobs: ImportJobs { storage[ImportJobsKey.self]! }
}

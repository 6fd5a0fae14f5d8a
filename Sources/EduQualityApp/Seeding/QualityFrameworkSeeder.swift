import EduQualityDomain
import Fluent
import Foundation

/// Loads the Quality Framework and its crosswalks from `Seed/reference/`. The framework file is
/// version 1 and is stored only when no version exists: later versions are an administrator's
/// (a database that had M001's standards got its version 1 from them). Crosswalk files are the
/// source of their schemes: each scheme is made exactly what its file says.
struct QualityFrameworkSeeder {
    let framework: QualityFramework
    let crosswalks: [(file: String, data: Data)]

    /// Reads and checks the framework file and every `crosswalks/*.json` in `referenceFolder`.
    init(referenceFolder: String) throws {
        let path = referenceFolder + "/quality-framework.json"
        guard let data = FileManager.default.contents(atPath: path) else { throw SeedError("cannot read \(path)") }
        do {
            framework = try QualityFrameworkFile.decode(data)
        } catch {
            throw SeedError("\(path): \(error)")
        }
        let folder = referenceFolder + "/crosswalks"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        crosswalks = try files.map { file in
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { throw SeedError("cannot read \(folder)/\(file)") }
            return (file, data)
        }
    }

    /// Inside the seeder's audited transaction; returns what changed.
    func seed(on db: any Database) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        if try await QualityFrameworkVersionRecord.query(on: db).count() == 0 {
            try await QualityFrameworkStore.create(framework, createdBy: "system:seed", effectiveOn: .today(), on: db)
            events.append(framework.publicationEvent(on: .today()))
        }
        var known = try await QualityFrameworkStore.usedCodes(excluding: nil, on: db)
        known.insert(framework)
        for (position, crosswalk) in crosswalks.enumerated() {
            let scheme: CrosswalkScheme
            do {
                scheme = try CrosswalkScheme.decode(crosswalk.data, known: known)
            } catch {
                throw SeedError("crosswalks/\(crosswalk.file): \(error)")
            }
            events += try await CrosswalkStore.replace(scheme, position: position, on: db)
        }
        return events
    }
}

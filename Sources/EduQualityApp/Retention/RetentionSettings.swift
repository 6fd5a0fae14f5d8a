import EduQualityDomain
import Fluent
import Foundation
import Vapor

/// The retention periods in force: the defaults read from `Seed/reference/retention.json` when the
/// application starts, overlaid with what an administrator saved at `/admin/retention` (kept in
/// `account_settings` as JSON, kind code → days).
enum RetentionDefaultsKey: StorageKey { typealias Value = RetentionPolicy }

extension Application {
    var retentionDefaults: RetentionPolicy {
        guard let policy = storage[RetentionDefaultsKey.self] else { fatalError("loadRetentionDefaults was not called") }
        return policy
    }

    func loadRetentionDefaults(seedDirectory: String) throws {
        let path = seedDirectory + "/reference/retention.json"
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigError("\(path) is missing or not a JSON object: the retention periods are needed")
        }
        var stored: [String: Int] = [:]
        for (key, value) in object where !key.hasPrefix("_") {
            guard let days = value as? Int else { throw ConfigError("\(path): \(key) must be a whole number of days") }
            stored[key] = days
        }
        let policy: RetentionPolicy
        do throws(InvalidForm) {
            policy = try RetentionPolicy(stored: stored)
        } catch {
            let problems = error.problems.map(\.message).joined(separator: "; ")
            throw ConfigError("\(path): \(problems)")
        }
        storage[RetentionDefaultsKey.self] = policy
    }
}

enum RetentionSettings {
    static let key = "retention-days"

    /// The defaults with the administrator's saved periods over them (a kind added after the last
    /// save keeps its default).
    static func policy(defaults: RetentionPolicy, on db: any Database) async throws -> RetentionPolicy {
        guard let record = try await AccountSettingRecord.find(key, on: db),
              let saved = try? JSONDecoder().decode([String: Int].self, from: Data(record.value.utf8)) else { return defaults }
        var days = defaults.days
        for (code, value) in saved {
            if let kind = RetainedRecords(rawValue: code) { days[kind] = value }
        }
        return (try? RetentionPolicy(days: days)) ?? defaults
    }

    static func save(_ policy: RetentionPolicy, defaults: RetentionPolicy, actor: String, on db: any Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let value = String(decoding: try encoder.encode(policy.stored), as: UTF8.self)
        try await db.audited(actor: actor) { db in
            let before = try await Self.policy(defaults: defaults, on: db)
            if let record = try await AccountSettingRecord.find(key, on: db) {
                record.value = value
                try await record.update(on: db)
            } else {
                try await AccountSettingRecord(key: key, value: value).create(on: db)
            }
            return ((), [policy.change(from: before)])
        }
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// The crosswalks from framework standards to regulators' standards, as loaded from the seed
/// files (`QualityFrameworkSeeder`).
enum CrosswalkStore {
    static func load(on db: any Database) async throws -> Crosswalk {
        let schemes = try await CrosswalkSchemeRecord.query(on: db).sort(\.$position).all()
        let links = try await CrosswalkLinkRecord.query(on: db).sort(\.$position).all()
        let byScheme = Dictionary(grouping: links, by: \.scheme)
        return Crosswalk(schemes.map { scheme in
            var standards: [RegulatorStandard] = []
            for link in byScheme[scheme.scheme] ?? [] {
                if let last = standards.last, last.code == link.regulatorCode {
                    standards[standards.count - 1] = RegulatorStandard(code: last.code, text: last.text,
                                                                       maps: last.maps + [link.standardCode])
                } else {
                    standards.append(RegulatorStandard(code: link.regulatorCode, text: link.regulatorText, maps: [link.standardCode]))
                }
            }
            return CrosswalkScheme(scheme: scheme.scheme, name: scheme.name, note: scheme.note, standards: standards)
        })
    }

    /// Makes the stored scheme exactly `scheme` (the file is its source); returns the audit
    /// events of what changed.
    static func replace(_ scheme: CrosswalkScheme, position: Int, on db: any Database) async throws -> [AuditEvent] {
        let before = try await load(on: db).schemes.first { $0.scheme == scheme.scheme }
        guard before != scheme else { return [] }
        if let existing = try await CrosswalkSchemeRecord.query(on: db).filter(\.$scheme == scheme.scheme).first() {
            existing.name = scheme.name
            existing.note = scheme.note
            existing.position = position
            try await existing.update(on: db)
        } else {
            try await CrosswalkSchemeRecord(scheme: scheme.scheme, name: scheme.name, note: scheme.note, position: position).create(on: db)
        }
        try await CrosswalkLinkRecord.query(on: db).filter(\.$scheme == scheme.scheme).delete()
        var row = 0
        for standard in scheme.standards {
            for code in standard.maps {
                try await CrosswalkLinkRecord(scheme: scheme.scheme, regulatorCode: standard.code, regulatorText: standard.text,
                                              standardCode: code, position: row).create(on: db)
                row += 1
            }
        }
        let summary = ["name": scheme.name, "standards": String(scheme.standards.count), "links": String(row)]
        return [AuditEvent(action: before == nil ? "crosswalk.create" : "crosswalk.update", entityType: "crosswalk",
                           entityID: scheme.scheme, after: summary)]
    }
}

import EduQualityDomain
import Foundation

/// Between the stored row and the domain's `RegisterEntry`.
extension RegisterEntryRecord {
    var entry: RegisterEntry? {
        guard let risk = RiskScore(likelihood: likelihood, impact: impact),
              let review = CalendarDay(iso: reviewDue), let opened = CalendarDay(iso: openedOn),
              let status = RegisterEntryStatus(rawValue: status) else { return nil }
        let stored = (try? JSONDecoder().decode([StoredSource].self, from: Data(sourcesJSON.utf8))) ?? []
        let actions = (try? JSONDecoder().decode([RegisterAction].self, from: Data(actionsJSON.utf8))) ?? []
        return RegisterEntry(
            reference: reference, region: regionCode, organisation: organisationCode, site: siteCode,
            specialty: specialtyCode, professions: Self.codes(professions), title: title, description: descriptionText,
            standards: Self.codes(standards), frameworkVersion: frameworkVersion, risk: risk, owner: ownerID,
            reviewDue: review, status: status,
            sources: stored.compactMap { s in RegisterSourceKind(rawValue: s.kind).flatMap { try? RegisterSource(kind: $0, reference: s.reference) } },
            actions: actions, openedOn: opened)
    }

    func apply(_ e: RegisterEntry) {
        reference = e.reference
        regionCode = e.region
        organisationCode = e.organisation
        siteCode = e.site
        specialtyCode = e.specialty
        professions = e.professions.joined(separator: ",")
        title = e.title
        descriptionText = e.description
        standards = e.standards.joined(separator: ",")
        frameworkVersion = e.frameworkVersion
        likelihood = e.risk.likelihood
        impact = e.risk.impact
        ownerID = e.owner
        reviewDue = e.reviewDue.iso
        status = e.status.rawValue
        sourcesJSON = Self.json(e.sources.map { StoredSource(kind: $0.kind.rawValue, reference: $0.reference) })
        actionsJSON = Self.json(e.actions)
        openedOn = e.openedOn.iso
    }

    struct StoredSource: Codable { let kind, reference: String }

    static func codes(_ list: String) -> [String] { list.split(separator: ",").map(String.init) }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

import EduQualityDomain
import Fluent

/// The teams a case can be transferred to, as one list to choose from: the teams on the case's
/// own pathway (an organisation's education team, one of its sites or its guardians at pathway
/// 1, an education provider at 2, a regional quality team at 3), named, never typed as codes.
/// Each choice's value is the body's stable text form (`organisation:T001/site:T001-01`).
enum ConcernTransferChoices {
    static func groups(for concern: Concern, on db: any Database) async throws -> [SelectOptionGroup] {
        let places = try await ConcernPlaceNames.load(db)
        let pathway = concern.pathway
        func option(_ body: HandlingBody, _ name: String) -> SelectOption? {
            guard body != concern.handlingBody, body.servesConcerns(at: pathway) else { return nil }
            return SelectOption(code: body.concernAuditText, name: name, selected: false)
        }
        switch pathway {
        case .placementProvider:
            let organisations = try await Organisation.query(on: db).sort(\.$name).all()
                .filter { OrganisationType(rawValue: $0.type)?.mayBeAConcernsPlacement == true }
            let sites = Dictionary(grouping: try await Site.query(on: db).sort(\.$name).all(), by: \.organisationCode)
            return organisations.map { o in
                let options = [option(.organisation(o.code, site: nil), "Education team (the whole organisation)")]
                    + (sites[o.code] ?? []).map { option(.organisation(o.code, site: $0.code), "Site: \($0.name)") }
                    + [option(.guardian(o.code), "Freedom to Speak Up guardians")]
                return SelectOptionGroup(code: o.code, label: o.name, options: options.compactMap { $0 })
            }
        case .educationProvider:
            let providers = try await Organisation.query(on: db)
                .filter(\.$type == OrganisationType.higherEducationInstitution.rawValue).sort(\.$name).all()
            return [SelectOptionGroup(code: "education-providers", label: "Education providers",
                                      options: providers.compactMap { option(.organisation($0.code, site: nil), $0.name) })]
        case .regionalQualityTeam:
            let regions = try await Region.query(on: db).sort(\.$name).all()
            return [SelectOptionGroup(code: "regions", label: "Regional quality teams",
                                      options: regions.compactMap { option(.region($0.code), places.team(.region($0.code))) })]
        }
    }

    /// The body a posted choice names, if it is one of the choices offered for this case.
    static func body(_ posted: String?, for concern: Concern, on db: any Database) async throws -> HandlingBody {
        let value = (posted ?? "").trimmingWhitespace
        let offered = try await groups(for: concern, on: db).flatMap(\.options).map(\.code)
        guard !value.isEmpty, offered.contains(value), let body = HandlingBody(auditText: value) else {
            throw AppError.invalid([FieldError("body", "Choose the team to transfer the case to from the list")])
        }
        return body
    }
}

extension HandlingBody {
    /// The reverse of `concernAuditText`.
    init?(auditText: String) {
        let parts = auditText.split(separator: "/").map { $0.split(separator: ":", maxSplits: 1).map(String.init) }
        guard let first = parts.first, first.count == 2 else { return nil }
        switch (first[0], parts.count) {
        case ("organisation", 1): self = .organisation(first[1], site: nil)
        case ("organisation", 2) where parts[1].count == 2 && parts[1][0] == "site": self = .organisation(first[1], site: parts[1][1])
        case ("guardian", 1): self = .guardian(first[1])
        case ("region", 1): self = .region(first[1])
        default: return nil
        }
    }
}

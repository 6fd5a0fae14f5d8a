import EduQualityDomain
import Fluent

/// The choices on the raise-a-concern form, from the reference data.
struct ConcernFormOptions {
    let organisations: [Organisation]
    let sites: [Site]

    static func load(_ db: any Database) async throws -> ConcernFormOptions {
        let orgs = try await Organisation.inUse(on: db).sort(\.$name).all().filter { OrganisationType(rawValue: $0.type)?.mayBeAConcernsPlacement == true }
        let sites = try await Site.query(on: db).sort(\.$organisationCode).sort(\.$name).all()
        return ConcernFormOptions(organisations: orgs, sites: sites)
    }

    static func educationProviders(_ db: any Database, selected: String?) async throws -> [SelectOption] {
        try await Organisation.inUse(on: db).filter(\.$type == OrganisationType.higherEducationInstitution.rawValue)
            .sort(\.$name).all().map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == selected) }
    }

    static func fields(_ f: NewConcernForm, errors e: FormErrors, options: ConcernFormOptions, signedIn: Bool) -> [FormField] {
        let orgNames = Dictionary(uniqueKeysWithValues: options.organisations.map { ($0.code, $0.name) })
        let providers = options.organisations.filter { $0.type == OrganisationType.higherEducationInstitution.rawValue }
        return [
            FormField("howRaised", "How do you want to raise your concern?", kind: .radios,
                      hint: signedIn ? "You are signed in. An open or confidential concern is linked to your account; an anonymous one is not." : nil,
                      errors: e, options: HowRaised.allCases.map {
                          SelectOption(code: $0.rawValue, name: $0.displayName, selected: f.howRaised == $0.rawValue, hint: $0.explanation)
                      }),
            FormField("reporterName", "Your name", value: f.reporterName,
                      hint: "Leave blank if you raise your concern anonymously.", errors: e, autocomplete: "name"),
            FormField("reporterEmail", "Your email address (optional)", kind: .email, value: f.reporterEmail,
                      hint: "Leave blank if you raise your concern anonymously.", errors: e, autocomplete: "email"),
            FormField("organisation", "Where is your placement?", kind: .select, errors: e,
                      options: options.organisations.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == f.organisation) }),
            FormField("site", "Which site (optional)?", kind: .select, errors: e,
                      options: options.sites.compactMap { s in
                          orgNames[s.organisationCode].map { SelectOption(code: s.code, name: s.name, selected: s.code == f.site, group: $0) }
                      }),
            FormField("category", "What is your concern about?", kind: .radios, errors: e,
                      options: ConcernCategory.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: f.category == $0.rawValue) }),
            FormField("whatHappened", "What happened?", kind: .textarea, value: f.whatHappened,
                      hint: "Say what happened, when and where. Leave out names of patients.", errors: e),
            FormField("desiredOutcome", "What would you like to happen? (optional)", kind: .textarea, value: f.desiredOutcome, errors: e),
            FormField("pathway", "Who should handle your concern?", kind: .radios, errors: e,
                      options: EscalationPathway.allCases.map {
                          SelectOption(code: String($0.rawValue), name: $0.title, selected: f.pathway == String($0.rawValue), hint: $0.whoHandles)
                      }),
            FormField("recipient", "At pathway 1, send it to", kind: .radios, errors: e, options: [
                SelectOption(code: ConcernRecipient.pathwayHandler.rawValue, name: "The placement's education team",
                             selected: f.recipient != ConcernRecipient.guardian.rawValue),
                SelectOption(code: ConcernRecipient.guardian.rawValue, name: "The organisation's Freedom to Speak Up guardian",
                             selected: f.recipient == ConcernRecipient.guardian.rawValue,
                             hint: "Guardians are independent of management and support you to speak up."),
            ]),
            FormField("educationProvider", "Your education provider (university, school or programme)", kind: .select,
                      hint: "Needed for pathway 2, and if you may escalate to it later.", errors: e,
                      options: providers.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == f.educationProvider) }),
        ]
    }
}

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

    /// The form's sections: who you are shows only for an open or confidential concern, the
    /// choice of recipient only at pathway 1, and the sites are grouped under their organisation
    /// (narrowed to the chosen one by the page script; the server checks the pair either way).
    static func sections(_ f: NewConcernForm, errors e: FormErrors, options: ConcernFormOptions, signedIn: Bool) -> [FormSection] {
        let providers = options.organisations.filter { $0.type == OrganisationType.higherEducationInstitution.rawValue }
        let sitesByOrganisation = Dictionary(grouping: options.sites, by: \.organisationCode)
        var site = FormField("site", "Which site (optional)?", kind: .select,
                             hint: "Sites are listed under their organisation.", errors: e)
        site.groups = options.organisations.compactMap { o in
            sitesByOrganisation[o.code].map { sites in
                SelectOptionGroup(code: o.code, label: o.name,
                                  options: sites.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == f.site) })
            }
        }
        site.groupsFollow = "organisation"
        let identified = [HowRaised.open, .confidential].map(\.rawValue).joined(separator: " ")
        return [
            FormSection(fields: [
                FormField("howRaised", "How do you want to raise your concern?", kind: .radios,
                          hint: signedIn ? "You are signed in. An open or confidential concern is linked to your account; an anonymous one is not." : nil,
                          errors: e, options: HowRaised.allCases.map {
                              SelectOption(code: $0.rawValue, name: $0.displayName, selected: f.howRaised == $0.rawValue, hint: $0.explanation)
                          }),
            ]),
            FormSection(fields: [
                FormField("reporterName", "Your name", value: f.reporterName,
                          hint: "Leave blank if you raise your concern anonymously.", errors: e, autocomplete: "name"),
                FormField("reporterEmail", "Your email address (optional)", kind: .email, value: f.reporterEmail,
                          hint: "Leave blank if you raise your concern anonymously.", errors: e, autocomplete: "email"),
            ], revealedBy: "howRaised", revealedFor: identified),
            FormSection(fields: [
                FormField("organisation", "Where is your placement?", kind: .select, errors: e,
                          options: options.organisations.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == f.organisation) }),
                site,
                FormField("category", "What is your concern about?", kind: .radios, errors: e,
                          options: ConcernCategory.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: f.category == $0.rawValue) }),
                FormField("whatHappened", "What happened?", kind: .textarea, value: f.whatHappened,
                          hint: "Say what happened, when and where. Leave out names of patients.", errors: e),
                FormField("desiredOutcome", "What would you like to happen? (optional)", kind: .textarea, value: f.desiredOutcome, errors: e),
                FormField("pathway", "Who should handle your concern?", kind: .radios, errors: e,
                          options: EscalationPathway.allCases.map {
                              SelectOption(code: String($0.rawValue), name: $0.title, selected: f.pathway == String($0.rawValue), hint: $0.whoHandles)
                          }),
            ]),
            FormSection(fields: [
                FormField("recipient", "At pathway 1, send it to", kind: .radios, errors: e, options: [
                    SelectOption(code: ConcernRecipient.pathwayHandler.rawValue, name: "The placement's education team",
                                 selected: f.recipient != ConcernRecipient.guardian.rawValue),
                    SelectOption(code: ConcernRecipient.guardian.rawValue, name: "The organisation's Freedom to Speak Up guardian",
                                 selected: f.recipient == ConcernRecipient.guardian.rawValue,
                                 hint: "Guardians are independent of management and support you to speak up."),
                ]),
            ], revealedBy: "pathway", revealedFor: String(EscalationPathway.placementProvider.rawValue)),
            FormSection(fields: [
                FormField("educationProvider", "Your education provider (university, school or programme)", kind: .select,
                          hint: "Needed for pathway 2, and if you may escalate to it later.", errors: e,
                          options: providers.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == f.educationProvider) }),
            ]),
        ]
    }
}

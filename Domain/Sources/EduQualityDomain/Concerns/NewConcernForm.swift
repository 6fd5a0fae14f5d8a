import Foundation

/// The raise-a-concern form (and the API body) as typed, every field a string so that a wrong
/// value gets a message on its field rather than a decoding failure. `validated()` turns it into
/// a `ConcernSubmission` or lists what to fix, field by field.
public struct NewConcernForm: Hashable, Sendable {
    public var howRaised: String?
    public var region: String?
    public var organisation: String?
    public var site: String?
    public var category: String?
    public var whatHappened: String?
    public var desiredOutcome: String?
    /// "1", "2" or "3".
    public var pathway: String?
    /// "pathway-handler" (default) or "guardian".
    public var recipient: String?
    public var educationProvider: String?
    public var reporterName: String?
    public var reporterEmail: String?
    /// Set by the web layer from the signed-in session, never from what was typed.
    public var accountID: String?

    public init(howRaised: String? = nil, region: String? = nil, organisation: String? = nil,
                site: String? = nil, category: String? = nil, whatHappened: String? = nil,
                desiredOutcome: String? = nil, pathway: String? = nil, recipient: String? = nil,
                educationProvider: String? = nil, reporterName: String? = nil,
                reporterEmail: String? = nil, accountID: String? = nil) {
        self.howRaised = howRaised
        self.region = region
        self.organisation = organisation
        self.site = site
        self.category = category
        self.whatHappened = whatHappened
        self.desiredOutcome = desiredOutcome
        self.pathway = pathway
        self.recipient = recipient
        self.educationProvider = educationProvider
        self.reporterName = reporterName
        self.reporterEmail = reporterEmail
        self.accountID = accountID
    }

    /// Form field names; raw values are the HTML input names and JSON keys.
    public enum Field: String, CaseIterable, Sendable, Hashable, Codable {
        case howRaised, region, organisation, site, category, whatHappened, desiredOutcome
        case pathway, recipient, educationProvider, reporterName, reporterEmail, accountID
    }

    public struct Problem: Hashable, Sendable {
        public let field: Field
        public let message: String
    }

    public struct Invalid: Error, Hashable, Sendable {
        /// In form order, at most one per field.
        public let problems: [Problem]
        public func message(for field: Field) -> String? { problems.first { $0.field == field }?.message }
    }

    public static let maxWhatHappened = 10_000
    public static let maxDesiredOutcome = 4_000
    public static let maxName = 200
    public static let maxEmail = EmailAddress.maxLength

    public func validated() throws(Invalid) -> ConcernSubmission {
        var problems: [Problem] = []
        func problem(_ field: Field, _ message: String) { problems.append(Problem(field: field, message: message)) }

        let how = Self.clean(howRaised).flatMap(HowRaised.init(rawValue:))
        if how == nil { problem(.howRaised, "Choose how you want to raise your concern: openly, confidentially or anonymously.") }

        let regionCode = Self.clean(region)
        if let message = Self.codeProblem(regionCode, required: true, what: "the region of your placement") {
            problem(.region, message)
        }
        let organisationCode = Self.clean(organisation)
        if let message = Self.codeProblem(organisationCode, required: true, what: "the organisation where you were placed") {
            problem(.organisation, message)
        }
        let siteCode = Self.clean(site)
        if let message = Self.codeProblem(siteCode, required: false, what: "the site") { problem(.site, message) }

        let categoryValue = Self.clean(category).flatMap(ConcernCategory.init(rawValue:))
        if categoryValue == nil { problem(.category, "Choose what your concern is about.") }

        let happened = Self.clean(whatHappened)
        if happened == nil {
            problem(.whatHappened, "Tell us what happened.")
        } else if happened!.count > Self.maxWhatHappened {
            problem(.whatHappened, "Keep what happened to \(Self.maxWhatHappened) characters or fewer; you can add more after sending.")
        }

        let outcome = Self.clean(desiredOutcome)
        if let outcome, outcome.count > Self.maxDesiredOutcome {
            problem(.desiredOutcome, "Keep the outcome you want to \(Self.maxDesiredOutcome) characters or fewer.")
        }

        let pathwayValue = Self.clean(pathway).flatMap(Int.init).flatMap(EscalationPathway.init(rawValue:))
        if pathwayValue == nil { problem(.pathway, "Choose who should handle your concern: pathway 1, 2 or 3.") }

        let recipientText = Self.clean(recipient)
        let recipientValue = recipientText.map(ConcernRecipient.init(rawValue:)) ?? .pathwayHandler
        if recipientValue == nil {
            problem(.recipient, "Choose whether to send your concern to the placement's education team or its Freedom to Speak Up guardian.")
        } else if recipientValue == .guardian, let pathwayValue, pathwayValue != .placementProvider {
            problem(.recipient, "The Freedom to Speak Up guardian is at your placement provider, so choose pathway 1 to send your concern to them.")
        }

        let provider = Self.clean(educationProvider)
        if let message = Self.codeProblem(provider, required: pathwayValue == .educationProvider,
                                          what: "your education provider (university, school or programme)") {
            problem(.educationProvider, message)
        }

        let name = Self.clean(reporterName)
        let email = Self.clean(reporterEmail)
        let account = Self.clean(accountID)
        if how == .anonymous {
            if name != nil { problem(.reporterName, "Leave your name out of an anonymous concern, or choose to raise it confidentially.") }
            if email != nil { problem(.reporterEmail, "Leave your email address out of an anonymous concern, or choose to raise it confidentially.") }
            if account != nil { problem(.accountID, "An anonymous concern cannot be linked to your account.") }
        } else if how != nil {
            if name == nil {
                problem(.reporterName, "Give your name, or choose to raise your concern anonymously.")
            } else if name!.count > Self.maxName {
                problem(.reporterName, "Keep your name to \(Self.maxName) characters or fewer.")
            }
            if let email, !EmailAddress.looksValid(email) {
                problem(.reporterEmail, "Enter an email address in the form name@example.org, or leave it blank.")
            }
        }

        guard problems.isEmpty, let how, let regionCode, let organisationCode, let categoryValue,
              let happened, let pathwayValue, let recipientValue else { throw Invalid(problems: Self.ordered(problems)) }

        let reporter: ConcernReporter = switch how {
        case .anonymous: .anonymous
        case .open: .open(ReporterIdentity(name: name!, email: email, accountID: account))
        case .confidential: .confidential(ReporterIdentity(name: name!, email: email, accountID: account))
        }
        return ConcernSubmission(
            reporter: reporter,
            placement: ConcernPlacement(region: regionCode, organisation: organisationCode, site: siteCode),
            category: categoryValue, whatHappened: happened, desiredOutcome: outcome,
            pathway: pathwayValue, recipient: recipientValue, educationProvider: provider)
    }

    /// Trims whitespace; a blank field counts as not given.
    static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Reference-data codes follow the shared `ReferenceCode` rule. The message speaks to a learner
    /// choosing from a list, not an administrator typing codes; whether the code exists is for the
    /// caller to check against reference data.
    static func codeProblem(_ code: String?, required: Bool, what: String) -> String? {
        guard let code else { return required ? "Choose \(what)." : nil }
        return ReferenceCode.problem(with: code) == nil ? nil : "Choose \(what) from the list."
    }

    private static func ordered(_ problems: [Problem]) -> [Problem] {
        problems.sorted { Field.allCases.firstIndex(of: $0.field)! < Field.allCases.firstIndex(of: $1.field)! }
    }
}

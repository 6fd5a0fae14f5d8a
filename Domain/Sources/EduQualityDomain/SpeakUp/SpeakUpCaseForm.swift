/// A guardian's speak-up case form as typed, every field a string (themes as the checked boxes'
/// values), validated field by field into a `SpeakUpCase`.
public struct SpeakUpCaseForm: Hashable, Sendable {
    public var raisedOn: String?
    public var organisation: String?
    public var howRaised: String?
    public var workerGroup: String?
    public var themes: [String]
    /// "yes" or "no".
    public var detrimentReported: String?
    public var outcome: String?
    public var speakUpAgain: String?

    public init(raisedOn: String? = nil, organisation: String? = nil, howRaised: String? = nil,
                workerGroup: String? = nil, themes: [String] = [], detrimentReported: String? = nil,
                outcome: String? = nil, speakUpAgain: String? = nil) {
        self.raisedOn = raisedOn
        self.organisation = organisation
        self.howRaised = howRaised
        self.workerGroup = workerGroup
        self.themes = themes
        self.detrimentReported = detrimentReported
        self.outcome = outcome
        self.speakUpAgain = speakUpAgain
    }

    public enum Field: String, CaseIterable, Sendable, Hashable, Codable {
        case raisedOn, organisation, howRaised, workerGroup, themes, detrimentReported, outcome, speakUpAgain
    }

    public struct Problem: Hashable, Sendable {
        public let field: Field
        public let message: String
    }

    public struct Invalid: Error, Hashable, Sendable {
        public let problems: [Problem]
        public func message(for field: Field) -> String? { problems.first { $0.field == field }?.message }
    }

    public static let maxOutcome = 4_000

    /// `today` refuses dates in the future; `workerGroups` is the configured list.
    public func validated(id: String, today: CalendarDay,
                          workerGroups: [String] = SpeakUpWorkerGroups.standard) throws(Invalid) -> SpeakUpCase {
        var problems: [Problem] = []
        func problem(_ field: Field, _ message: String) { problems.append(Problem(field: field, message: message)) }

        // The messages do not name a format: a form may ask for day, month and year separately.
        let typedDay = NewConcernForm.clean(raisedOn)
        let day = typedDay.flatMap(CalendarDay.init(iso:))
        if typedDay == nil {
            problem(.raisedOn, "Enter the date the concern was raised.")
        } else if day == nil {
            problem(.raisedOn, "The date the concern was raised must be a real date.")
        } else if day! > today {
            problem(.raisedOn, "The date the concern was raised cannot be in the future.")
        }

        let organisationCode = NewConcernForm.clean(organisation)
        if let message = NewConcernForm.codeProblem(organisationCode, required: true, what: "the organisation") {
            problem(.organisation, message)
        }

        let how = NewConcernForm.clean(howRaised).flatMap(HowRaised.init(rawValue:))
        if how == nil { problem(.howRaised, "Choose whether the concern was raised openly, confidentially or anonymously.") }

        let group = NewConcernForm.clean(workerGroup)
        if group == nil || !workerGroups.contains(group!) { problem(.workerGroup, "Choose the worker group from the list.") }

        let parsedThemes = themes.compactMap(NewConcernForm.clean).map(SpeakUpTheme.init(rawValue:))
        if parsedThemes.isEmpty {
            problem(.themes, "Choose at least one theme.")
        } else if parsedThemes.contains(nil) {
            problem(.themes, "Choose themes from the list.")
        }

        let detriment: Bool? = switch NewConcernForm.clean(detrimentReported) {
        case "yes": true
        case "no": false
        default: nil
        }
        if detriment == nil { problem(.detrimentReported, "Say whether the person reported detriment for speaking up.") }

        let outcomeText = NewConcernForm.clean(outcome)
        if let outcomeText, outcomeText.count > Self.maxOutcome {
            problem(.outcome, "Keep the outcome to \(Self.maxOutcome) characters or fewer.")
        }

        let again = NewConcernForm.clean(speakUpAgain).flatMap(SpeakUpAgain.init(rawValue:))
        if again == nil { problem(.speakUpAgain, "Choose the answer to \u{201C}would you speak up again?\u{201D}, or \u{201C}not asked\u{201D}.") }

        guard problems.isEmpty, let day, let organisationCode, let how, let group, let detriment, let again else {
            throw Invalid(problems: problems)
        }
        return SpeakUpCase(id: id, raisedOn: day, organisation: organisationCode, howRaised: how, workerGroup: group,
                           themes: Set(parsedThemes.compactMap { $0 }), detrimentReported: detriment,
                           outcome: outcomeText, speakUpAgain: again)
    }
}

import EduQualityDomain
import Vapor

/// A single form field for `#extend("partials/field", slot)`, which reads `field`.
struct FieldSlot: Encodable { let field: FormField }

/// The day, month and year boxes of the design system's date input, read back as `YYYY-MM-DD`.
struct DateInput: Encodable {
    let name: String
    let legend: String
    let hint: String
    let day, month, year: String
    let error: String?

    /// `YYYY-MM-DD` when the boxes hold whole numbers (the domain then checks the date exists);
    /// otherwise whatever was typed, which the domain refuses with its message.
    static func iso(day: String?, month: String?, year: String?) -> String? {
        let parts = [day, month, year].map { ($0 ?? "").trimmingWhitespace }
        if parts.allSatisfy(\.isEmpty) { return nil }
        guard let d = Int(parts[0]), let m = Int(parts[1]), parts[2].count == 4, let y = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }) else { return parts.joined(separator: "/") }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(y)-\(pad(m))-\(pad(d))"
    }
}

/// Everything the speak-up case form shows, built from what was typed and its errors.
struct SpeakUpCaseFormPage: Encodable {
    let layout: Layout
    let organisationCode: String
    let organisationName: String
    let action: String
    let reference: String?
    let listHref: String
    let errors: FormErrors
    let raisedOn: DateInput
    let howRaised: FieldSlot
    let workerGroup: FieldSlot
    let themes: FieldSlot
    let detrimentReported: FieldSlot
    let outcome: FieldSlot
    let speakUpAgain: FieldSlot

    /// The form as posted: the date in three boxes, themes as the checked boxes.
    struct Posted: Content {
        var raisedOnDay: String?
        var raisedOnMonth: String?
        var raisedOnYear: String?
        var howRaised: String?
        var workerGroup: String?
        var themes: [String]?
        var detrimentReported: String?
        var outcome: String?
        var speakUpAgain: String?

        func form(organisation: String) -> SpeakUpCaseForm {
            SpeakUpCaseForm(raisedOn: DateInput.iso(day: raisedOnDay, month: raisedOnMonth, year: raisedOnYear),
                            organisation: organisation, howRaised: howRaised, workerGroup: workerGroup,
                            themes: themes ?? [], detrimentReported: detrimentReported, outcome: outcome,
                            speakUpAgain: speakUpAgain)
        }

        init() {}

        init(_ form: SpeakUpCaseForm) {
            if let day = form.raisedOn.flatMap(CalendarDay.init(iso:)) {
                raisedOnDay = String(day.day)
                raisedOnMonth = String(day.month)
                raisedOnYear = String(day.year)
            }
            howRaised = form.howRaised
            workerGroup = form.workerGroup
            themes = form.themes
            detrimentReported = form.detrimentReported
            outcome = form.outcome
            speakUpAgain = form.speakUpAgain
        }
    }

    init(layout: Layout, organisation: Organisation, reference: String?, action: String, posted: Posted,
         errors list: [FieldError]) {
        let errors = FormErrors(list)
        self.layout = layout
        organisationCode = organisation.code
        organisationName = organisation.name
        self.reference = reference
        self.action = action
        listHref = "/speak-up/cases/\(organisation.code)"
        self.errors = errors
        raisedOn = DateInput(name: "raisedOn", legend: "When was the concern raised with you?",
                             hint: "For example, 15 3 2026", day: posted.raisedOnDay ?? "",
                             month: posted.raisedOnMonth ?? "", year: posted.raisedOnYear ?? "",
                             error: errors.by["raisedOn"])
        func choices(_ options: [(code: String, name: String, hint: String?)], checked: [String]) -> [SelectOption] {
            options.map { SelectOption(code: $0.code, name: $0.name, selected: checked.contains($0.code), hint: $0.hint) }
        }
        howRaised = FieldSlot(field: FormField(
            "howRaised", "How did they speak up?", kind: .radios, errors: errors,
            options: choices([
                ("open", "Openly", "They were happy for their name to be known and shared when needed."),
                ("confidential", "Confidentially", "They gave their name but it is not shared without their consent."),
                ("anonymous", "Anonymously", "They did not give their name."),
            ], checked: [posted.howRaised].compactMap { $0 })))
        workerGroup = FieldSlot(field: FormField(
            "workerGroup", "Worker group", kind: .select, errors: errors,
            options: SpeakUpWorkerGroups.standard.map { SelectOption(code: $0, name: $0, selected: $0 == posted.workerGroup) }))
        themes = FieldSlot(field: FormField(
            "themes", "What was it about?", kind: .checkboxes, hint: "Select all that apply.", errors: errors,
            options: choices(SpeakUpTheme.allCases.map { ($0.rawValue, $0.displayName, nil) }, checked: posted.themes ?? [])))
        detrimentReported = FieldSlot(field: FormField(
            "detrimentReported", "Did they say they suffered detriment for speaking up?", kind: .radios,
            hint: "Detriment is being treated worse because you spoke up, for example being left off a rota or excluded.",
            errors: errors,
            options: choices([("yes", "Yes", nil), ("no", "No", nil)], checked: [posted.detrimentReported].compactMap { $0 })))
        outcome = FieldSlot(field: FormField(
            "outcome", "Outcome (optional)", kind: .textarea, value: posted.outcome,
            hint: "What happened as a result. Do not include names or anything that identifies the person. Only guardians of \(organisation.name) can read this.",
            errors: errors))
        speakUpAgain = FieldSlot(field: FormField(
            "speakUpAgain", "Given their experience, would they speak up again?", kind: .radios, errors: errors,
            options: choices(SpeakUpAgain.allCases.map { ($0.rawValue, $0.displayName, nil) },
                             checked: [posted.speakUpAgain].compactMap { $0 })))
    }
}

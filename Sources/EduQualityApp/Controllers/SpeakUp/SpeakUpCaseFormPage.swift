import EduQualityDomain
import Vapor

/// A group of radios or checkboxes as `speak-up/partials/choices` draws it. The first input's id
/// is the field's name, so the error summary's link lands on it.
struct ChoiceGroup: Encodable {
    struct Choice: Encodable {
        let id, value, label: String
        let hint: String?
        let checked: Bool
    }

    let name: String
    let legend: String
    let hint: String?
    let error: String?
    let isCheckboxes: Bool
    let options: [Choice]
    /// The ids of the hint and error, for the fieldset's `aria-describedby`.
    let describedBy: String?

    init(name: String, legend: String, hint: String? = nil, errors: FormErrors, isCheckboxes: Bool = false,
         options: [(value: String, label: String, hint: String?)], checked: Set<String>) {
        self.name = name
        self.legend = legend
        self.hint = hint
        self.error = errors.by[name]
        self.isCheckboxes = isCheckboxes
        self.options = options.enumerated().map { index, o in
            Choice(id: index == 0 ? name : "\(name)-\(o.value)", value: o.value, label: o.label, hint: o.hint,
                   checked: checked.contains(o.value))
        }
        let ids = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
        describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

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
    let howRaised: ChoiceGroup
    let workerGroup: FieldSlot
    let themes: ChoiceGroup
    let detrimentReported: ChoiceGroup
    let outcome: FieldSlot
    let speakUpAgain: ChoiceGroup

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
        howRaised = ChoiceGroup(
            name: "howRaised", legend: "How did they speak up?", errors: errors,
            options: [
                ("open", "Openly", "They were happy for their name to be known and shared when needed."),
                ("confidential", "Confidentially", "They gave their name but it is not shared without their consent."),
                ("anonymous", "Anonymously", "They did not give their name."),
            ], checked: Set([posted.howRaised].compactMap { $0 }))
        workerGroup = FieldSlot(field: FormField(
            "workerGroup", "Worker group", kind: .select, errors: errors,
            options: SpeakUpWorkerGroups.standard.map { SelectOption(code: $0, name: $0, selected: $0 == posted.workerGroup) }))
        themes = ChoiceGroup(
            name: "themes", legend: "What was it about?", hint: "Select all that apply.", errors: errors, isCheckboxes: true,
            options: SpeakUpTheme.allCases.map { ($0.rawValue, $0.displayName, String?.none) }, checked: Set(posted.themes ?? []))
        detrimentReported = ChoiceGroup(
            name: "detrimentReported", legend: "Did they say they suffered detriment for speaking up?",
            hint: "Detriment is being treated worse because you spoke up, for example being left off a rota or excluded.",
            errors: errors, options: [("yes", "Yes", nil), ("no", "No", nil)],
            checked: Set([posted.detrimentReported].compactMap { $0 }))
        outcome = FieldSlot(field: FormField(
            "outcome", "Outcome (optional)", kind: .textarea, value: posted.outcome,
            hint: "What happened as a result. Do not include names or anything that identifies the person. Only guardians of \(organisation.name) can read this.",
            errors: errors))
        speakUpAgain = ChoiceGroup(
            name: "speakUpAgain", legend: "Given their experience, would they speak up again?", errors: errors,
            options: SpeakUpAgain.allCases.map { ($0.rawValue, $0.displayName, String?.none) },
            checked: Set([posted.speakUpAgain].compactMap { $0 }))
    }
}

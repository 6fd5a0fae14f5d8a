import EduQualityDomain
import Vapor

/// The national lead's windows: every year's window with its state and framework version, the
/// form for a new year's window, and (`/windows/YEAR`) the form changing one's dates.
struct SelfAssessmentWindowsPage: Encodable {
    struct Row: Encodable {
        let year, opensOn, closesOn, state, href: String
        let frameworkVersion: Int?
        let changeable: Bool
    }

    let layout: Layout
    let errors: FormErrors
    let rows: [Row]
    let fields: [FormField]
    /// The window being changed, on its own page.
    let changing: String?

    static func build(_ req: Request, changing: SelfAssessmentWindow? = nil, errors: [FieldError] = [],
                      posted: [String: String] = [:], flash: String? = nil) async throws -> SelfAssessmentWindowsPage {
        let errors = FormErrors(errors)
        let today = CalendarDay.today()
        let rows = try await SelfAssessmentStore.windows(on: req.db).map { _, w in
            Row(year: w.year.label, opensOn: w.opensOn.longDescription, closesOn: w.closesOn.longDescription,
                state: w.state(on: today).displayName, href: "/quality/self-assessment/windows/\(w.year.label)",
                frameworkVersion: w.frameworkVersion, changeable: w.state(on: today) != .closed)
        }
        let next = AssessmentYear(containing: today)
        var fields = [
            FormField("opensOn", "Opens on", kind: .date, value: posted["opensOn"] ?? changing?.opensOn.iso,
                      hint: "The first day providers can fill it in, as YYYY-MM-DD.", errors: errors, width: "nhsuk-input--width-10"),
            FormField("closesOn", "Closes on", kind: .date, value: posted["closesOn"] ?? changing?.closesOn.iso,
                      hint: "The last day to submit on time. Later submissions are accepted and marked late.", errors: errors,
                      width: "nhsuk-input--width-10"),
        ]
        if changing == nil {
            fields.insert(FormField("year", "Assessment year", value: posted["year"],
                                    hint: "As in \(next.label): April to March. One window a year; both days fall within it.",
                                    errors: errors, width: "nhsuk-input--width-10"), at: 0)
        }
        let title = changing.map { "Change the \($0.year.label) window" } ?? "Self-assessment windows"
        return SelfAssessmentWindowsPage(layout: req.layout(title: title, flash: flash), errors: errors, rows: changing == nil ? rows : [],
                                         fields: fields, changing: changing?.year.label)
    }
}

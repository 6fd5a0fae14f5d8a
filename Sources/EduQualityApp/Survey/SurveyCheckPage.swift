import EduQualityDomain
import Vapor

/// The check page: every answer, page by page, in a compact summary list, with a way back to
/// change each page and the form that sends them.
extension SurveyPages {
    struct CheckPage: Encodable {
        struct Row: Encodable { let id, key, value: String }
        struct Section: Encodable { let title: String; let page: Int; let rows: [Row] }
        let layout: Layout
        let frame: Frame
        let errors: FormErrors
        let sections: [Section]
        let hidden: [HiddenField]
    }

    func check(values: SurveyValues, code: ResumeCode?, problems: [FieldProblem] = []) async throws -> View {
        let profession = values.placement.profession.flatMap { choices.name(of: $0, in: .profession) == nil ? nil : $0 }
        let flow = SurveyPageFlow(questionnaire: questionnaire, profession: profession)
        var sections: [CheckPage.Section] = []
        for (i, page) in flow.pages.enumerated() {
            switch page {
            case .placement:
                let rows = PlacementField.allCases.compactMap { field -> CheckPage.Row? in
                    guard let value = values.placement[field] else { return nil }
                    return CheckPage.Row(id: field.rawValue, key: questionnaire.placementQuestion(field)?.text ?? field.rawValue,
                                         value: choices.name(of: value, in: field) ?? value)
                }
                sections.append(.init(title: "About your placement", page: i + 1, rows: rows))
            case .theme(let index):
                let rows = questionnaire.themes[index].items.filter { $0.isShown(to: profession ?? "") }.map { item in
                    let value = values.answers[item.code].flatMap(SurveyAnswer.init(formValue:)) ?? .unanswered
                    let text = switch value {
                    case .unanswered: "Not answered"
                    case .notApplicable: "Not applicable"
                    case .rank(let rank): item.scale.label(ofRank: rank) ?? "Not answered"
                    }
                    return CheckPage.Row(id: item.code, key: item.text, value: text)
                }
                sections.append(.init(title: questionnaire.themes[index].name, page: i + 1, rows: rows))
            case .comments:
                let rows = questionnaire.freeTextQuestions.map { q in
                    let text = values.freeTexts[q.code].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
                    return CheckPage.Row(id: q.code, key: q.text, value: text ?? "Not answered")
                }
                sections.append(.init(title: "In your own words", page: i + 1, rows: rows))
            }
        }
        let frame = Frame(round: round.code.rawValue, title: questionnaire.title,
                          progress: "All \(flow.count) pages answered", draft: token(code), page: flow.count + 1,
                          back: code == nil ? nil : flow.count, backHref: nil)
        return try await req.view.render("survey/check", CheckPage(
            layout: layout("Check your answers", problems: problems), frame: frame,
            errors: FormErrors(problems.map { FieldError($0.field, $0.message) }), sections: sections,
            hidden: values.hiddenFields))
    }
}

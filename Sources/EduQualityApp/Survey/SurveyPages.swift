import EduQualityDomain
import Vapor

/// Draws the survey's pages for one round. Values come from a saved draft or from a form sent
/// back with problems; the draft, when there is one, goes into every form as a signed token in a
/// hidden field and nowhere else (no cookie, no URL).
struct SurveyPages {
    let req: Request
    let round: SurveyRound
    let questionnaire: Questionnaire
    let choices: SurveyChoices

    /// What every question page shares: where its forms post, the progress line, the draft's token
    /// and the way back.
    struct Frame: Encodable {
        let round: String
        let title: String
        let progress: String
        let draft: String?
        let page: Int
        /// The page the back link returns to (a small form, so the token travels with it).
        let back: Int?
        /// A plain back link, when there is no draft to carry yet.
        let backHref: String?
    }

    struct PlacementPage: Encodable {
        let layout: Layout
        let frame: Frame
        let errors: FormErrors
        let before: [FormField]
        /// One field, in a list so the page draws it with the shared field template.
        let search: [FormField]
        let searchSummary: String?
        let after: [FormField]
    }

    struct ThemePage: Encodable {
        let layout: Layout
        let frame: Frame
        let errors: FormErrors
        let heading: String
        let items: [FormField]
    }

    struct CommentsPage: Encodable {
        let layout: Layout
        let frame: Frame
        let errors: FormErrors
        let fields: [FormField]
    }

    struct SavedPage: Encodable {
        let layout: Layout
        let round: String
        let title: String
        let code: String
        let draft: String
        let closes: String
        let page: Int
    }

    struct CompletionPage: Encodable {
        let layout: Layout
        let title: String
        let completionCode: String
    }

    // MARK: Question pages

    func render(_ page: SurveyPage, flow: SurveyPageFlow, values: SurveyValues, code: ResumeCode?,
                problems: [FieldProblem] = [], search: String = "") async throws -> View {
        switch page {
        case .placement: try await placement(flow: flow, values: values, code: code, problems: problems, search: search)
        case .theme(let index): try await theme(index, flow: flow, values: values, code: code, problems: problems)
        case .comments: try await comments(flow: flow, values: values, code: code, problems: problems)
        }
    }

    private func frame(_ page: SurveyPage, flow: SurveyPageFlow, code: ResumeCode?) -> Frame {
        let number = flow.number(of: page) ?? 1
        let previous = flow.page(before: page).flatMap(flow.number(of:))
        return Frame(round: round.code.rawValue, title: questionnaire.title,
                     progress: flow.progress(of: page)?.description ?? "", draft: token(code), page: number,
                     back: code == nil ? nil : previous,
                     backHref: code == nil && previous == nil ? "/survey/\(round.code)/start" : nil)
    }

    func token(_ code: ResumeCode?) -> String? {
        code.map { SurveyDraftToken(round: round.code.rawValue, code: $0).encoded(secret: req.config.formSecret) }
    }

    func layout(_ title: String, problems: [FieldProblem]) -> Layout {
        req.layout(title: (problems.isEmpty ? "" : "Error: ") + title + " – " + questionnaire.title)
    }

    private func placement(flow: SurveyPageFlow, values: SurveyValues, code: ResumeCode?, problems: [FieldProblem],
                           search: String) async throws -> View {
        let e = FormErrors(problems.map { FieldError($0.field, $0.message) })
        let entry = values.placement
        func question(_ field: PlacementField, _ fallback: String) -> String {
            let question = questionnaire.placementQuestion(field)
            let text = question?.text ?? fallback
            return question?.isRequired ?? field.mustBeRequired ? text : text + " (optional)"
        }
        func options(_ list: [SurveyChoices.Choice], _ field: PlacementField) -> [SelectOption] {
            list.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == entry[field]) }
        }
        var organisations = choices.organisations(matching: search)
        if let chosen = entry[.organisation], !organisations.contains(where: { $0.code == chosen }),
           let kept = choices.organisations.first(where: { $0.code == chosen }) {
            organisations.insert(kept, at: 0)
        }
        let listed = Set(organisations.map(\.code))
        let chosenOrganisation = entry[.organisation].flatMap { code in listed.contains(code) ? code : nil }
        let sites = choices.sites.filter { s in chosenOrganisation.map { $0 == s.organisation } ?? listed.contains(s.organisation) }
        let manyOrganisations = Set(sites.map(\.organisation)).count > 1
        let before = [
            FormField(PlacementField.profession.rawValue, question(.profession, "Your profession"), kind: .select,
                      errors: e, options: options(choices.professions, .profession)),
        ]
        let searchField = FormField(SurveyFormBody.searchField, "Search for the organisation", kind: .search, value: search,
                                    hint: "Type part of its name or code and choose Search: the list below then shows only the organisations that match.",
                                    width: "nhsuk-input--width-20", autocomplete: "off")
        let after = [
            FormField(PlacementField.organisation.rawValue, question(.organisation, "Organisation"), kind: .select, errors: e,
                      options: organisations.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == entry[.organisation]) }),
            FormField(PlacementField.site.rawValue, question(.site, "Site"), kind: .select,
                      hint: chosenOrganisation == nil ? "Sites are listed under their organisation." : nil, errors: e,
                      options: sites.map { s in
                          SelectOption(code: s.code, name: s.name, selected: s.code == entry[.site],
                                       group: manyOrganisations ? choices.name(of: s.organisation, in: .organisation) : nil)
                      }),
            FormField(PlacementField.placementType.rawValue, question(.placementType, "Kind of placement"), kind: .radios,
                      errors: e, options: options(choices.placementTypes, .placementType)),
            FormField(PlacementField.specialty.rawValue, question(.specialty, "Specialty"), kind: .select, errors: e,
                      options: options(choices.specialties, .specialty)),
            FormField(PlacementField.trainingLevel.rawValue, question(.trainingLevel, "Stage of training"), kind: .select,
                      errors: e, options: options(choices.trainingLevels, .trainingLevel)),
        ]
        let summary = search.isEmpty ? nil
            : "\(organisations.count) of \(choices.organisations.count) organisations match “\(search)”."
        return try await req.view.render("survey/placement", PlacementPage(
            layout: layout("About your placement", problems: problems), frame: frame(.placement, flow: flow, code: code),
            errors: summaryErrors(problems, radios: [PlacementField.placementType.rawValue: choices.placementTypes.first?.code]),
            before: before, search: [searchField], searchSummary: summary, after: after))
    }

    private func theme(_ index: Int, flow: SurveyPageFlow, values: SurveyValues, code: ResumeCode?,
                       problems: [FieldProblem]) async throws -> View {
        let e = FormErrors(problems.map { FieldError($0.field, $0.message) })
        let profession = values.placement.profession ?? ""
        let items = questionnaire.themes[index].items.filter { $0.isShown(to: profession) }
        let fields = items.map { item in
            var options = item.scale.labels.enumerated().map { i, label in
                SelectOption(code: String(i + 1), name: label, selected: values.answers[item.code] == String(i + 1))
            }
            if item.allowsNotApplicable {
                options.append(SelectOption(code: SurveyAnswer.notApplicableFormValue, name: "Not applicable",
                                            selected: values.answers[item.code] == SurveyAnswer.notApplicableFormValue))
            }
            var field = FormField(item.code, item.text, kind: .radios, errors: e, options: options)
            field.clearLabel = "No answer"
            return field
        }
        let heading = questionnaire.themes[index].name
        return try await req.view.render("survey/theme", ThemePage(
            layout: layout(heading, problems: problems), frame: frame(.theme(index), flow: flow, code: code),
            errors: summaryErrors(problems, radios: Dictionary(uniqueKeysWithValues: items.map { ($0.code, "1") })),
            heading: heading, items: fields))
    }

    private func comments(flow: SurveyPageFlow, values: SurveyValues, code: ResumeCode?,
                          problems: [FieldProblem]) async throws -> View {
        let e = FormErrors(problems.map { FieldError($0.field, $0.message) })
        let fields = questionnaire.freeTextQuestions.map { q in
            FormField(q.code, q.text, kind: .textarea, value: values.freeTexts[q.code],
                      hint: "Optional. Up to \(FreeTextQuestion.characterLimit.formattedWithCommas) characters. Please do not name patients or staff.",
                      errors: e)
        }
        return try await req.view.render("survey/comments", CommentsPage(
            layout: layout("In your own words", problems: problems), frame: frame(.comments, flow: flow, code: code),
            errors: e, fields: fields))
    }

    /// The error summary links each message to its control; a radio group's first button.
    private func summaryErrors(_ problems: [FieldProblem], radios: [String: String?]) -> FormErrors {
        FormErrors(problems.map { p in
            if let first = radios[p.field], let first { return FieldError("\(p.field)-\(first)", p.message) }
            return FieldError(p.field, p.message)
        })
    }

    // MARK: Saved and completion pages

    func saved(code: ResumeCode, page: Int) async throws -> View {
        try await req.view.render("survey/saved", SavedPage(
            layout: req.layout(title: "Your answers are saved – " + questionnaire.title), round: round.code.rawValue,
            title: questionnaire.title, code: code.value, draft: token(code)!, closes: round.closes.longDescription, page: page))
    }

    func completion() async throws -> View {
        try await req.view.render("survey/complete", CompletionPage(
            layout: req.layout(title: "Thank you – " + questionnaire.title), title: questionnaire.title,
            completionCode: CompletionCode.generate().value))
    }
}

/// The rules a response must meet, with messages for the learner. The bulk import applies the
/// same rules on bytes with messages for a file (`ResponseImportValidator`).
extension Questionnaire {
    /// Checks the placement page against the reference codes and this version's required fields.
    public func validatePlacement(_ entry: PlacementEntry, round: SurveyRoundCode,
                                  references: SurveyReferenceCodes) -> Result<PlacementDetails, SurveyFormInvalid> {
        var problems: [FieldProblem] = []
        for field in PlacementField.allCases {
            let wording = field.wording
            guard let value = entry[field] else {
                if placementQuestion(field)?.isRequired ?? field.mustBeRequired {
                    problems.append(FieldProblem(field: field.rawValue, message: wording.missing))
                }
                continue
            }
            if !references.contains(value, in: field) {
                problems.append(FieldProblem(field: field.rawValue, message: wording.unknown))
            }
        }
        if let site = entry[.site], let organisation = entry[.organisation],
           let owner = references.organisation(ofSite: site), owner != organisation {
            problems.append(FieldProblem(field: PlacementField.site.rawValue,
                                         message: "That site is not part of the organisation you chose."))
        }
        guard problems.isEmpty, let profession = entry[.profession], let organisation = entry[.organisation],
              let placementType = entry[.placementType] else { return .failure(SurveyFormInvalid(problems: problems)) }
        return .success(PlacementDetails(round: round, profession: profession, organisation: organisation,
                                         site: entry[.site], placementType: placementType,
                                         specialty: entry[.specialty], trainingLevel: entry[.trainingLevel]))
    }

    /// Checks answers in `itemRange` (all items by default) for a learner of `profession`.
    public func problems(in answers: AnswerSheet, profession: String, itemRange: Range<Int>? = nil) -> [FieldProblem] {
        guard answers.count == items.count else {
            return [FieldProblem(field: "answers", message: "These answers do not belong to questionnaire \(version).")]
        }
        var problems: [FieldProblem] = []
        for index in itemRange ?? items.indices {
            let item = items[index]
            let answer = answers[index]
            if answer == .unanswered { continue }
            if !item.isShown(to: profession) {
                problems.append(FieldProblem(field: item.code, message: "This question is not asked of your profession; leave it blank."))
                continue
            }
            switch answer {
            case .notApplicable where !item.allowsNotApplicable:
                problems.append(FieldProblem(field: item.code, message: "“Not applicable” is not an answer to this question."))
            case .rank(let rank) where !item.scale.contains(rank: rank):
                problems.append(FieldProblem(field: item.code,
                                             message: "Choose one of the \(item.scale.points) answers, or leave the question blank."))
            default:
                break
            }
        }
        return problems
    }

    public func problems(inFreeTexts texts: [String: String]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (code, text) in texts.sorted(by: { $0.key < $1.key }) {
            guard freeTextQuestion(code) != nil else {
                problems.append(FieldProblem(field: code, message: "There is no such question in this survey."))
                continue
            }
            let length = text.count
            if length > FreeTextQuestion.characterLimit {
                problems.append(FieldProblem(field: code, message:
                    "Please shorten this answer to \(FreeTextQuestion.characterLimit.formattedWithCommas) characters or fewer (it has \(length.formattedWithCommas))."))
            }
        }
        return problems
    }

    /// Everything about a complete response, e.g. one submitted through the API.
    public func problems(in response: SurveyResponse, references: SurveyReferenceCodes) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if case .failure(let invalid) = validatePlacement(PlacementEntry(response.placement),
                                                          round: response.placement.round, references: references) {
            problems += invalid.problems
        }
        problems += self.problems(in: response.answers, profession: response.placement.profession)
        problems += self.problems(inFreeTexts: response.freeTexts)
        return problems
    }
}

extension PlacementField {
    /// What to tell a learner when the field is empty or not one of the listed codes.
    var wording: (missing: String, unknown: String) {
        switch self {
        case .profession: ("Choose your profession or learner group.", "Choose a profession or learner group from the list.")
        case .organisation: ("Choose the organisation that provided your placement.", "Choose an organisation from the list.")
        case .site: ("Choose the site of your placement.", "Choose a site from the list.")
        case .placementType: ("Choose the kind of placement.", "Choose a kind of placement from the list.")
        case .specialty: ("Choose your specialty or department.", "Choose a specialty or department from the list.")
        case .trainingLevel: ("Choose your stage of training.", "Choose a stage of training from the list.")
        }
    }
}

extension Int {
    /// 5000 → "5,000", without a locale-dependent formatter.
    public var formattedWithCommas: String {
        let digits = String(magnitude)
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result.append(",") }
            result.append(c)
        }
        return self < 0 ? "-" + result : result
    }
}

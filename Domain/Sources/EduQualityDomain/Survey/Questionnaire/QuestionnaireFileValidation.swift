extension QuestionnaireFile {
    /// Checks the whole file and returns either the questionnaire or every problem found.
    /// `knownProfessions`, when given, is the reference list item branches must come from.
    public func validated(knownProfessions: Set<String>? = nil) -> Result<Questionnaire, QuestionnaireInvalid> {
        var check = QuestionnaireFileCheck(knownProfessions: knownProfessions)
        let questionnaire = check.run(self)
        if let questionnaire, check.problems.isEmpty { return .success(questionnaire) }
        return .failure(QuestionnaireInvalid(problems: check.problems))
    }
}

/// Import columns that an item or free-text code would collide with.
let reservedImportColumns: Set<String> = [
    "response_id", "submitted_on", "profession", "organisation", "site", "placement_type", "specialty", "level",
]

private struct QuestionnaireFileCheck {
    let knownProfessions: Set<String>?
    var problems: [QuestionnaireProblem] = []
    /// Item and free-text codes share the import header, so they share one namespace,
    /// compared without case because spreadsheets are careless with it.
    var answerCodes: Set<String> = []

    init(knownProfessions: Set<String>?) { self.knownProfessions = knownProfessions }

    mutating func report(_ path: String, _ message: String) {
        problems.append(QuestionnaireProblem(path: path, message: message))
    }

    mutating func run(_ file: QuestionnaireFile) -> Questionnaire? {
        switch file.format {
        case nil: report("format", "missing")
        case QuestionnaireFile.currentFormat?: break
        case let other?: report("format", "unsupported format \(other); this version reads format \(QuestionnaireFile.currentFormat)")
        }
        let version = text(file.version, at: "version")
        // Version codes follow the reference-code rule, so URLs and files can carry them.
        if let version, let problem = ReferenceCode.problem(with: version) { report("version", problem) }
        let title = text(file.title, at: "title")
        let scales = checkScales(file.scales)
        let placement = checkPlacement(file.placement)
        let themes = checkThemes(file.themes, scales: scales)
        let freeText = checkFreeText(file.freeText)
        guard let version, let title, let placement, let themes, let freeText else { return nil }
        return Questionnaire(version: version, title: title, placementQuestions: placement,
                             themes: themes, freeTextQuestions: freeText)
    }

    /// A required piece of text: missing and blank are both reported.
    mutating func text(_ value: String?, at path: String) -> String? {
        guard let value else { report(path, "missing"); return nil }
        guard !value.allSatisfy(\.isWhitespace) else { report(path, "is empty"); return nil }
        return value
    }

    mutating func code(_ value: String?, at path: String) -> String? {
        guard let value = text(value, at: path) else { return nil }
        guard isCode(value) else {
            report(path, "\"\(value)\" is not a code: start with a letter, then letters, digits, - or _ (at most 32)")
            return nil
        }
        return value
    }

    mutating func list<T>(_ value: [T]?, at path: String, what: String) -> [T]? {
        guard let value else { report(path, "missing"); return nil }
        guard !value.isEmpty else { report(path, "needs at least one \(what)"); return nil }
        return value
    }

    mutating func checkScales(_ scales: [QuestionnaireFile.Scale]?) -> [String: AnswerScale] {
        var result: [String: AnswerScale] = [:]
        for (i, scale) in (list(scales, at: "scales", what: "scale") ?? []).enumerated() {
            let path = "scales[\(i)]"
            let code = code(scale.code, at: "\(path).code")
            if let code, result[code] != nil { report("\(path).code", "duplicate scale \"\(code)\"") }
            guard let labels = scale.labels else { report("\(path).labels", "missing"); continue }
            var ok = true
            if !AnswerScale.allowedPoints.contains(labels.count) {
                report("\(path).labels", "a scale needs \(AnswerScale.allowedPoints.lowerBound) to \(AnswerScale.allowedPoints.upperBound) points, not \(labels.count)")
                ok = false
            }
            var seen: Set<String> = []
            for (j, label) in labels.enumerated() {
                if label.allSatisfy(\.isWhitespace) { report("\(path).labels[\(j)]", "is empty"); ok = false }
                else if !seen.insert(label).inserted { report("\(path).labels[\(j)]", "duplicate label \"\(label)\""); ok = false }
            }
            if ok, let code, result[code] == nil { result[code] = AnswerScale(code: code, labels: labels) }
        }
        return result
    }

    mutating func checkPlacement(_ questions: [QuestionnaireFile.Placement]?) -> [PlacementQuestion]? {
        guard let questions = list(questions, at: "placement", what: "question") else { return nil }
        var result: [PlacementQuestion] = []
        var valid = true
        for (i, question) in questions.enumerated() {
            let path = "placement[\(i)]"
            let text = text(question.text, at: "\(path).text")
            guard let name = self.text(question.field, at: "\(path).field") else { valid = false; continue }
            guard let field = PlacementField(rawValue: name) else {
                let expected = PlacementField.allCases.map(\.rawValue).joined(separator: ", ")
                report("\(path).field", "unknown field \"\(name)\" (expected one of \(expected))")
                valid = false
                continue
            }
            if result.contains(where: { $0.field == field }) {
                report("\(path).field", "duplicate field \"\(name)\"")
                valid = false
                continue
            }
            let required = question.required ?? false
            if field.mustBeRequired && !required {
                report("\(path).required", "the \(name) question must be required")
                valid = false
            }
            guard let text else { valid = false; continue }
            result.append(PlacementQuestion(field: field, text: text, isRequired: required))
        }
        for field in PlacementField.allCases where field.mustBeRequired && !questions.contains(where: { $0.field == field.rawValue }) {
            report("placement", "missing the \(field.rawValue) question")
            valid = false
        }
        return valid ? result : nil
    }

    mutating func checkThemes(_ themes: [QuestionnaireFile.Theme]?, scales: [String: AnswerScale]) -> [QuestionnaireTheme]? {
        guard let themes = list(themes, at: "themes", what: "theme") else { return nil }
        var result: [QuestionnaireTheme] = []
        var themeCodes: Set<String> = []
        var valid = true
        for (i, theme) in themes.enumerated() {
            let path = "themes[\(i)]"
            let code = code(theme.code, at: "\(path).code")
            if let code, !themeCodes.insert(code.lowercased()).inserted {
                report("\(path).code", "duplicate theme \"\(code)\"")
                valid = false
            }
            let name = text(theme.name, at: "\(path).name")
            let items = list(theme.items, at: "\(path).items", what: "item") ?? []
            let checked = items.enumerated().compactMap { j, item in
                checkItem(item, at: "\(path).items[\(j)]", scales: scales)
            }
            guard let code, let name, !items.isEmpty, checked.count == items.count else { valid = false; continue }
            result.append(QuestionnaireTheme(code: code, name: name, items: checked))
        }
        return valid ? result : nil
    }

    mutating func checkItem(_ item: QuestionnaireFile.Item, at path: String, scales: [String: AnswerScale]) -> QuestionnaireItem? {
        let code = answerCode(item.code, at: "\(path).code")
        let text = text(item.text, at: "\(path).text")
        var scale: AnswerScale?
        if let scaleCode = self.text(item.scale, at: "\(path).scale") {
            scale = scales[scaleCode]
            if scale == nil { report("\(path).scale", "unknown scale \"\(scaleCode)\"") }
        }
        let professionsValid = checkProfessions(item.professions, at: "\(path).professions")
        guard let code, let text, let scale, professionsValid else { return nil }
        return QuestionnaireItem(code: code, text: text, scale: scale, isReverseKeyed: item.reverse ?? false,
                                 allowsNotApplicable: item.allowsNA ?? false, professions: item.professions)
    }

    /// Nil means everyone; an empty list would mean no one, which is surely a mistake.
    mutating func checkProfessions(_ professions: [String]?, at path: String) -> Bool {
        guard let professions else { return true }
        guard !professions.isEmpty else {
            report(path, "an empty list would show the item to nobody; use null for everyone")
            return false
        }
        var valid = true
        var seen: Set<String> = []
        for (i, profession) in professions.enumerated() {
            if !seen.insert(profession).inserted {
                report("\(path)[\(i)]", "duplicate profession \"\(profession)\"")
                valid = false
            } else if let knownProfessions, !knownProfessions.contains(profession) {
                report("\(path)[\(i)]", "unknown profession \"\(profession)\"")
                valid = false
            }
        }
        return valid
    }

    mutating func checkFreeText(_ questions: [QuestionnaireFile.FreeText]?) -> [FreeTextQuestion]? {
        // A questionnaire without free text is allowed; an explicit empty list is too.
        guard let questions else { return [] }
        var result: [FreeTextQuestion] = []
        for (i, question) in questions.enumerated() {
            let path = "freeText[\(i)]"
            let code = answerCode(question.code, at: "\(path).code")
            let text = text(question.text, at: "\(path).text")
            var kind: FreeTextKind?
            if let name = self.text(question.kind, at: "\(path).kind") {
                kind = FreeTextKind(rawValue: name)
                if kind == nil {
                    let expected = FreeTextKind.allCases.map(\.rawValue).joined(separator: ", ")
                    report("\(path).kind", "unknown kind \"\(name)\" (expected one of \(expected))")
                }
            }
            if let code, let text, let kind { result.append(FreeTextQuestion(code: code, text: text, kind: kind)) }
        }
        return result.count == questions.count ? result : nil
    }

    /// An item or free-text code: a code, unique, and not the name of a fixed import column.
    mutating func answerCode(_ value: String?, at path: String) -> String? {
        guard let code = code(value, at: path) else { return nil }
        if reservedImportColumns.contains(code.lowercased()) {
            report(path, "\"\(code)\" is reserved for an import column")
            return nil
        }
        guard answerCodes.insert(code.lowercased()).inserted else {
            report(path, "duplicate code \"\(code)\"")
            return nil
        }
        return code
    }

    func isCode(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, bytes.count <= 32, first.isASCIILetter else { return false }
        return bytes.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

import EduQualityDomain
import Vapor

/// A survey form as posted: placement fields by their domain names (`profession`,
/// `placement-type`…), radio buttons by item code, free text by question code, and the controls:
/// `resume` (a resume code as typed on the resume page), `draft` (the signed token pages carry,
/// `SurveyDraftToken`), `page`, `action` and the organisation search.
struct SurveyFormBody {
    static let resumeField = "resume"
    static let pageField = "page"
    static let actionField = "action"
    static let searchField = "organisation-search"

    enum Action: String {
        case `continue`, save, search
    }

    let fields: [String: String]

    init(_ req: Request) throws {
        if req.headers.contentType == .urlEncodedForm, let body = req.body.data {
            fields = Self.parse(body.readableBytesView)
            // This parser stands in for the form decoder, so it applies the decoder's text rule.
            try StorableText.check(fields.map { (name: $0.key, value: $0.value) })
        } else {
            fields = try req.content.decode([String: String].self)
        }
    }

    /// Reads `application/x-www-form-urlencoded` bytes; a repeated name keeps its last value.
    /// A whole survey is one such body, so this small parser replaces the general decoder.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [String: String] {
        var fields: [String: String] = [:]
        var name: [UInt8] = []
        var value: [UInt8] = []
        var inValue = false
        func decoded(_ raw: [UInt8]) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let b = raw[i]
                if b == UInt8(ascii: "+") {
                    out.append(UInt8(ascii: " "))
                } else if b == UInt8(ascii: "%"), i + 2 < raw.count, let h = hex(raw[i + 1]), let l = hex(raw[i + 2]) {
                    out.append(h << 4 | l)
                    i += 2
                } else {
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        func finish() {
            if !name.isEmpty { fields[decoded(name)] = decoded(value) }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inValue = false
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): finish()
            case UInt8(ascii: "=") where !inValue: inValue = true
            default: if inValue { value.append(b) } else { name.append(b) }
            }
        }
        finish()
        return fields
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    init(fields: [String: String]) { self.fields = fields }

    /// The resume code as typed or carried: nil when absent, `.some(nil)` when present but unreadable.
    var resumeCode: ResumeCode?? {
        guard let text = fields[Self.resumeField]?.trimmingWhitespace, !text.isEmpty else { return nil }
        return .some(ResumeCode(userInput: text))
    }

    var pageNumber: Int? { fields[Self.pageField].flatMap { Int($0) } }
    var action: Action { fields[Self.actionField].flatMap(Action.init(rawValue:)) ?? .continue }
    var organisationSearch: String { (fields[Self.searchField] ?? "").trimmingWhitespace }

    func values(in questionnaire: Questionnaire) -> SurveyValues {
        var values = SurveyValues()
        for field in PlacementField.allCases {
            if let value = fields[field.rawValue] { values.placement.set(field, to: value) }
        }
        for (name, value) in fields {
            if questionnaire.itemIndex(of: name) != nil {
                values.answers[name] = value
            } else if questionnaire.freeTextIndex(of: name) != nil {
                values.freeTexts[name] = value
            }
        }
        return values
    }
}

/// What a learner has entered, as form values: the placement, radio values by item code and
/// free text by question code. Pages are drawn from it, whether it came from a saved draft or
/// from a form sent back with a problem.
struct SurveyValues {
    var placement = PlacementEntry()
    var answers: [String: String] = [:]
    var freeTexts: [String: String] = [:]

    init() {}

    init(_ draft: SurveyDraft, questionnaire: Questionnaire) {
        placement = draft.placement.map(PlacementEntry.init) ?? draft.unfinishedPlacement ?? PlacementEntry()
        answers = questionnaire.answersByCode(draft.answers).mapValues(\.formValue)
        freeTexts = draft.freeTexts
    }

    /// The answers of one theme, with items not posted as blank.
    func answers(ofTheme index: Int, in questionnaire: Questionnaire) -> [String: String] {
        var result: [String: String] = [:]
        for item in questionnaire.itemIndices(ofTheme: index).map({ questionnaire.items[$0] }) {
            result[item.code] = answers[item.code] ?? ""
        }
        return result
    }

    var completedForm: CompletedSurveyForm {
        CompletedSurveyForm(placement: placement, answers: answers, freeTexts: freeTexts)
    }

    /// Every value as a form field, for the check page's hidden inputs (blank ones left out).
    var hiddenFields: [HiddenField] {
        var result: [HiddenField] = []
        for field in PlacementField.allCases {
            if let value = placement[field] { result.append(HiddenField(name: field.rawValue, value: value)) }
        }
        for (code, value) in answers.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            result.append(HiddenField(name: code, value: value))
        }
        for (code, text) in freeTexts.sorted(by: { $0.key < $1.key }) where !text.allSatisfy(\.isWhitespace) {
            result.append(HiddenField(name: code, value: text))
        }
        return result
    }
}

struct HiddenField: Encodable {
    let name: String
    let value: String
}

extension PlacementEntry {
    /// Sets a field by its domain name, as a form posts it.
    mutating func set(_ field: PlacementField, to value: String?) {
        switch field {
        case .profession: profession = value
        case .organisation: organisation = value
        case .site: site = value
        case .placementType: placementType = value
        case .specialty: specialty = value
        case .trainingLevel: trainingLevel = value
        }
    }
}

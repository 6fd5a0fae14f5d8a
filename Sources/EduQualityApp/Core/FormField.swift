/// One field of a form as the `partials/field` template draws it: label, hint, error message
/// and the control, in the design system's markup. Forms list their fields in Swift so that
/// every form draws errors the same way.
struct FormField: Encodable {
    enum Kind: String, Encodable { case text, email, password, search, select, textarea, date, number, radios, checkboxes }

    let id: String
    let label: String
    var hint: String?
    var value: String
    var error: String?
    let kind: Kind
    var options: [SelectOption] = []
    /// An extra class such as `nhsuk-input--width-10`.
    var width: String = ""
    var autocomplete: String?
    /// For an optional radio group: the label of a last choice that clears the answer (value "").
    var clearLabel: String?
    /// Option groups of a select box (sites under their organisation), drawn as `<optgroup>`s.
    var groups: [SelectOptionGroup] = []
    /// The select box whose choice narrows these groups to the one with its code (page script).
    var groupsFollow: String?
    /// The hint and the error message, for `aria-describedby` on the control or fieldset.
    var describedBy: String? {
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }
    /// Fields whose label is a page heading are marked by the page, not here.
    var isSelect: Bool { kind == .select }
    var isTextarea: Bool { kind == .textarea }
    var isChoice: Bool { kind == .radios || kind == .checkboxes }
    var choiceType: String { kind == .radios ? "radio" : "checkbox" }
    var choiceClass: String { kind == .radios ? "nhsuk-radios" : "nhsuk-checkboxes" }

    init(_ id: String, _ label: String, kind: Kind = .text, value: String? = "", hint: String? = nil,
         errors: FormErrors = [], options: [SelectOption] = [], width: String = "", autocomplete: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.value = value ?? ""
        self.hint = hint
        self.error = errors.by[id]
        self.options = options
        self.width = width
        self.autocomplete = autocomplete
    }

    enum CodingKeys: String, CodingKey {
        case id, label, hint, value, error, kind, options, width, autocomplete, isSelect, isTextarea
        case isChoice, choiceType, choiceClass, clearLabel, groups, groupsFollow, describedBy
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(hint, forKey: .hint)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(error, forKey: .error)
        try c.encode(kind, forKey: .kind)
        try c.encode(options, forKey: .options)
        try c.encode(width, forKey: .width)
        try c.encodeIfPresent(autocomplete, forKey: .autocomplete)
        try c.encode(isSelect, forKey: .isSelect)
        try c.encode(isTextarea, forKey: .isTextarea)
        try c.encode(isChoice, forKey: .isChoice)
        try c.encode(choiceType, forKey: .choiceType)
        try c.encode(choiceClass, forKey: .choiceClass)
        try c.encodeIfPresent(clearLabel, forKey: .clearLabel)
        try c.encode(groups, forKey: .groups)
        try c.encodeIfPresent(groupsFollow, forKey: .groupsFollow)
        try c.encodeIfPresent(describedBy, forKey: .describedBy)
    }
}

/// The questionnaire file as written (format 1). Every field is optional here so that a missing
/// one becomes a problem with a path instead of a decoding failure that hides the rest.
public struct QuestionnaireFile: Codable, Hashable, Sendable {
    public static let currentFormat = 1

    public var format: Int?
    public var version: String?
    public var title: String?
    public var scales: [Scale]?
    public var placement: [Placement]?
    public var themes: [Theme]?
    public var freeText: [FreeText]?

    public init(format: Int? = currentFormat, version: String?, title: String?, scales: [Scale]?,
                placement: [Placement]?, themes: [Theme]?, freeText: [FreeText]?) {
        self.format = format
        self.version = version
        self.title = title
        self.scales = scales
        self.placement = placement
        self.themes = themes
        self.freeText = freeText
    }

    /// Items name a scale by code so that one set of labels serves many items.
    public struct Scale: Codable, Hashable, Sendable {
        public var code: String?
        public var labels: [String]?
        public init(code: String?, labels: [String]?) {
            self.code = code
            self.labels = labels
        }
    }

    public struct Placement: Codable, Hashable, Sendable {
        public var field: String?
        public var text: String?
        public var required: Bool?
        public init(field: String?, text: String?, required: Bool? = nil) {
            self.field = field
            self.text = text
            self.required = required
        }
    }

    public struct Theme: Codable, Hashable, Sendable {
        public var code: String?
        public var name: String?
        public var items: [Item]?
        public init(code: String?, name: String?, items: [Item]?) {
            self.code = code
            self.name = name
            self.items = items
        }
    }

    public struct Item: Codable, Hashable, Sendable {
        public var code: String?
        public var text: String?
        public var scale: String?
        public var reverse: Bool?
        public var allowsNA: Bool?
        public var professions: [String]?
        public init(code: String?, text: String?, scale: String?, reverse: Bool? = nil,
                    allowsNA: Bool? = nil, professions: [String]? = nil) {
            self.code = code
            self.text = text
            self.scale = scale
            self.reverse = reverse
            self.allowsNA = allowsNA
            self.professions = professions
        }
    }

    public struct FreeText: Codable, Hashable, Sendable {
        public var code: String?
        public var kind: String?
        public var text: String?
        public init(code: String?, kind: String?, text: String?) {
            self.code = code
            self.kind = kind
            self.text = text
        }
    }

    /// Keys each object may have; anything else is a typo worth reporting ("allowNA").
    static let knownKeys: [String: Set<String>] = [
        "": ["format", "version", "title", "scales", "placement", "themes", "freeText"],
        "scales": ["code", "labels"],
        "placement": ["field", "text", "required"],
        "themes": ["code", "name", "items"],
        "items": ["code", "text", "scale", "reverse", "allowsNA", "professions"],
        "freeText": ["code", "kind", "text"],
    ]
}

extension QuestionnaireFile {
    /// The file form of a valid questionnaire, e.g. to store it canonically.
    public init(_ questionnaire: Questionnaire) {
        var scales: [AnswerScale] = []
        for item in questionnaire.items where !scales.contains(where: { $0.code == item.scale.code }) {
            scales.append(item.scale)
        }
        self.init(
            version: questionnaire.version, title: questionnaire.title,
            scales: scales.map { Scale(code: $0.code, labels: $0.labels) },
            placement: questionnaire.placementQuestions.map {
                Placement(field: $0.field.rawValue, text: $0.text, required: $0.isRequired)
            },
            themes: questionnaire.themes.map { theme in
                Theme(code: theme.code, name: theme.name, items: theme.items.map {
                    Item(code: $0.code, text: $0.text, scale: $0.scale.code, reverse: $0.isReverseKeyed,
                         allowsNA: $0.allowsNotApplicable, professions: $0.professions)
                })
            },
            freeText: questionnaire.freeTextQuestions.map {
                FreeText(code: $0.code, kind: $0.kind.rawValue, text: $0.text)
            })
    }
}

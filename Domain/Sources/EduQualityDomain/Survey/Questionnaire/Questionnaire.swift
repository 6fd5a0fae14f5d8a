/// One questionnaire version: the placement questions, the themes (indicators) with their items,
/// and the free-text questions. Built only by validating a `QuestionnaireFile`, so every value of
/// this type is internally consistent (unique codes, known scales, non-empty themes).
public struct Questionnaire: Hashable, Sendable {
    /// The version code, e.g. `core-2026`; a survey round names the version it uses.
    public let version: String
    public let title: String
    public let placementQuestions: [PlacementQuestion]
    public let themes: [QuestionnaireTheme]
    public let freeTextQuestions: [FreeTextQuestion]
    /// Every item in page order. An item's position here is its slot in an `AnswerSheet`.
    public let items: [QuestionnaireItem]
    private let itemIndexByCode: [String: Int]
    private let freeTextIndexByCode: [String: Int]
    private let themeItemRanges: [Range<Int>]

    init(version: String, title: String, placementQuestions: [PlacementQuestion],
         themes: [QuestionnaireTheme], freeTextQuestions: [FreeTextQuestion]) {
        self.version = version
        self.title = title
        self.placementQuestions = placementQuestions
        self.themes = themes
        self.freeTextQuestions = freeTextQuestions
        self.items = themes.flatMap(\.items)
        var start = 0
        self.themeItemRanges = themes.map { theme in
            defer { start += theme.items.count }
            return start..<(start + theme.items.count)
        }
        self.itemIndexByCode = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.code, $0) })
        self.freeTextIndexByCode = Dictionary(
            uniqueKeysWithValues: freeTextQuestions.enumerated().map { ($1.code, $0) })
    }

    public func itemIndex(of code: String) -> Int? { itemIndexByCode[code] }
    public func item(_ code: String) -> QuestionnaireItem? { itemIndex(of: code).map { items[$0] } }
    public func freeTextIndex(of code: String) -> Int? { freeTextIndexByCode[code] }
    public func freeTextQuestion(_ code: String) -> FreeTextQuestion? {
        freeTextIndex(of: code).map { freeTextQuestions[$0] }
    }

    /// Slots in `items` of the theme at `themeIndex` (themes are contiguous in `items`).
    public func itemIndices(ofTheme themeIndex: Int) -> Range<Int> { themeItemRanges[themeIndex] }

    /// Themes with at least one item shown to `profession`, in order; a profession's survey has
    /// one page per such theme.
    public func themeIndices(shownTo profession: String) -> [Int] {
        themes.indices.filter { themes[$0].items.contains { $0.isShown(to: profession) } }
    }

    public func placementQuestion(_ field: PlacementField) -> PlacementQuestion? {
        placementQuestions.first { $0.field == field }
    }
}

/// A theme is an indicator in reports and a page in the survey.
public struct QuestionnaireTheme: Hashable, Sendable {
    public let code: String
    public let name: String
    public let items: [QuestionnaireItem]
}

/// The pages a learner of one profession sees, in order. Themes without an item for that
/// profession are skipped, so a physiotherapist never meets an empty doctors-only page.
public struct SurveyPageFlow: Hashable, Sendable {
    public let pages: [SurveyPage]

    /// Before the profession is chosen only the core themes are counted; the total grows on the
    /// next page if the profession has a branch.
    public init(questionnaire: Questionnaire, profession: String?) {
        let themes = questionnaire.themes.indices.filter { index in
            questionnaire.themes[index].items.contains { item in
                profession.map(item.isShown(to:)) ?? (item.professions == nil)
            }
        }
        pages = [.placement] + themes.map(SurveyPage.theme)
            + (questionnaire.freeTextQuestions.isEmpty ? [] : [.comments])
    }

    public var count: Int { pages.count }

    /// 1-based, as shown to learners and used in page URLs.
    public func number(of page: SurveyPage) -> Int? { pages.firstIndex(of: page).map { $0 + 1 } }

    public func page(number: Int) -> SurveyPage? { pages.indices.contains(number - 1) ? pages[number - 1] : nil }

    public func progress(of page: SurveyPage) -> SurveyProgress? {
        number(of: page).map { SurveyProgress(number: $0, total: pages.count) }
    }

    public func page(after page: SurveyPage) -> SurveyPage? { number(of: page).flatMap { self.page(number: $0 + 1) } }
    public func page(before page: SurveyPage) -> SurveyPage? { number(of: page).flatMap { self.page(number: $0 - 1) } }
}

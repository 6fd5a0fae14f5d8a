import EduQualityDomain
import Vapor

/// The question pages: each form posts its page (with the draft's signed token once there is
/// one), the draft is saved, and the next page is drawn in the answer. Nothing is redirected,
/// because a redirect would have to carry the token in its URL.
extension SurveyController {
    /// Page 1, before anything is saved.
    @Sendable func firstPage(req: Request) async throws -> Response {
        try req.authorize(.takeSurvey)
        return try await politely(req) {
            let open = try await openRound(req)
            let flow = SurveyPageFlow(questionnaire: open.questionnaire, profession: nil)
            return try await open.pages(req).render(.placement, flow: flow, values: SurveyValues(), code: nil)
                .encodeResponse(for: req)
        }
    }

    @Sendable func savePage(req: Request) async throws -> Response {
        try req.authorize(.takeSurvey)
        return try await politely(req) {
            let open = try await openRound(req)
            let q = open.questionnaire
            let form = try SurveyFormBody(req)
            let found = try await draft(form, open, req)
            guard case .found(var draft, let code) = found else { return try await notFound(found, req) }
            let flow = draft.flow(in: q)
            guard let page = form.pageNumber.flatMap(flow.page(number:)) else {
                return try await open.pages(req).render(draft.currentPage, flow: flow, values: SurveyValues(draft, questionnaire: q),
                                                        code: code).encodeResponse(for: req)
            }
            var values = SurveyValues(draft, questionnaire: q)
            let posted = form.values(in: q)
            let pages = open.pages(req)
            do {
                switch page {
                case .placement:
                    values.placement = posted.placement
                    if form.action == .search {
                        return try await pages.render(.placement, flow: flow, values: values, code: code,
                                                      search: form.organisationSearch).encodeResponse(for: req)
                    }
                    do {
                        try draft.savePlacement(posted.placement, questionnaire: q, references: open.choices.codes, today: open.today)
                    } catch {
                        // Saving for later needs no complete page 1 until the placement has first been saved.
                        guard form.action == .save, draft.placement == nil else { throw error }
                        draft.savePlacementForLater(posted.placement, references: open.choices.codes, today: open.today)
                    }
                case .theme(let index):
                    let entered = posted.answers(ofTheme: index, in: q)
                    values.answers.merge(entered) { $1 }
                    let (answers, unreadable) = q.answers(fromForm: entered)
                    var problems = unreadable
                    do { try draft.saveTheme(index, answers: answers, questionnaire: q, today: open.today) } catch let invalid as SurveyFormInvalid {
                        problems += invalid.problems
                    }
                    guard problems.isEmpty else {
                        throw SurveyFormInvalid(problems: problems.sorted { (q.itemIndex(of: $0.field) ?? 0) < (q.itemIndex(of: $1.field) ?? 0) })
                    }
                case .comments:
                    values.freeTexts = posted.freeTexts
                    try draft.saveComments(posted.freeTexts, questionnaire: q, today: open.today)
                }
            } catch let invalid as SurveyFormInvalid {
                return try await pages.render(page, flow: flow, values: values, code: code, problems: invalid.problems,
                                              search: form.organisationSearch).response(.badRequest)
            }
            let store = SurveyDraftStore(db: req.db)
            if form.action == .save {
                draft.go(to: page, questionnaire: q)
                let saved = try await store.save(draft, code: code)
                return try await pages.saved(code: saved, page: draft.flow(in: q).number(of: page) ?? 1).encodeResponse(for: req)
            }
            let saved = try await store.save(draft, code: code)
            let next = SurveyValues(draft, questionnaire: q)
            if page == .comments {
                return try await pages.check(values: next, code: saved).encodeResponse(for: req)
            }
            return try await pages.render(draft.currentPage, flow: draft.flow(in: q), values: next, code: saved)
                .encodeResponse(for: req)
        }
    }

    /// Back links and "Change" buttons: draws a page of the saved draft (the page after the last
    /// is the check page).
    @Sendable func go(req: Request) async throws -> Response {
        try req.authorize(.takeSurvey)
        return try await politely(req) {
            let open = try await openRound(req)
            let q = open.questionnaire
            let form = try SurveyFormBody(req)
            let found = try await draft(form, open, req)
            guard case .found(var draft, let code?) = found else { return try await notFound(found, req) }
            let flow = draft.flow(in: q)
            let values = SurveyValues(draft, questionnaire: q)
            if form.pageNumber == flow.count + 1, draft.placement != nil {
                return try await open.pages(req).check(values: values, code: code).encodeResponse(for: req)
            }
            if let page = form.pageNumber.flatMap(flow.page(number:)) { draft.go(to: page, questionnaire: q) }
            return try await open.pages(req).render(draft.currentPage, flow: flow, values: values, code: code)
                .encodeResponse(for: req)
        }
    }
}

import EduQualityDomain
import Vapor

/// Sending the survey: every field in one form (the check page sends what the draft holds; any
/// client may send a whole survey at once). The response is stored with the day only, under a
/// random key; the draft, if any, goes in the same transaction, and a draft already sent is not
/// stored again.
extension SurveyController {
    @Sendable func submit(req: Request) async throws -> Response {
        try req.authorize(.takeSurvey)
        return try await politely(req) {
            let open = try await openRound(req)
            let q = open.questionnaire
            let form = try SurveyFormBody(req)
            let values = form.values(in: q)
            let carried = SurveyDraftToken.carried(by: form, req)
            if let carried, carried?.round != open.round.code.rawValue { throw SurveyDraftToken.tampered }
            let resume = (carried ?? nil)?.code
            let response: SurveyResponse
            do throws(SurveySubmissionRefusal) {
                response = try values.completedForm.submit(in: open.round, questionnaire: q, references: open.choices.codes,
                                                           today: open.today)
            } catch .invalid(let invalid) {
                return try await open.pages(req).check(values: values, code: resume, problems: invalid.problems)
                    .response(.badRequest)
            } catch {
                throw Unavailable(round: open.round, refusal: error)
            }
            let region = open.choices.region(of: response.placement.organisation) ?? ""
            let row = SurveyResponseStore.Row(response: response, region: region, key: UUID().uuidString)
            let outcome = try await writer.write(.init(row: row, questionnaire: q, draftHash: resume.map(SurveyDraftStore.hash)),
                                                 db: req.db, keywords: req.application.commentKeywords)
            // Sent twice (a double click, or the page reloaded): stored once, thanked both times.
            return try await open.pages(req).completion().response(outcome == .stored ? .created : .ok)
        }
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// Writing a review's report through the API (the quality team edits and corrects; the provider
/// comments at factual accuracy and says when it has finished; the team records each comment's
/// outcome): `PUT /api/v1/reviews/ID/report` `{sections:{what-works-well, …}}`,
/// `GET /api/v1/reviews/ID/report`, `POST /api/v1/reviews/ID/report/comments` `{section, text}`,
/// `POST /api/v1/reviews/ID/report/comments/N/outcome` `{outcome, response}`,
/// `POST /api/v1/reviews/ID/report/done`, and `POST /api/v1/reviews/ID/report/corrections`
/// `{sections, note}`. The provider reads the report only once it has been sent to it.
struct ReviewReportAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let report = routes.grouped("api", "v1", "reviews", ":id", "report")
        report.get(use: show)
        report.put(use: edit)
        report.post("comments", use: comment)
        report.post("comments", ":number", "outcome", use: outcome)
        report.post("done", use: done)
        report.post("corrections", use: correct)
    }

    struct Comment: Content { let number: Int; let section, text, by, on: String; let outcome, response: String? }
    struct ReportDTO: Content {
        let id, stage: String
        let sections: [String: String]
        let commentsDue, providerDoneOn, waiver: String?
        let comments: [Comment]
        let versions: Int
    }

    static func dto(_ r: Review) -> ReportDTO {
        ReportDTO(id: r.reference, stage: r.report.stage.rawValue,
                  sections: Dictionary(uniqueKeysWithValues: r.report.sections.map { ($0.key.rawValue, $0.value) }),
                  commentsDue: r.report.commentsDue?.iso, providerDoneOn: r.report.providerDoneOn?.iso, waiver: r.report.waiver?.reason,
                  comments: r.report.comments.map { Comment(number: $0.number, section: $0.section.rawValue, text: $0.text, by: $0.by,
                                                            on: $0.on.iso, outcome: $0.outcome?.rawValue, response: $0.response) },
                  versions: r.report.versions.count)
    }

    /// The review, for the team (`action`) or for its provider once the report has left draft.
    static func review(_ req: Request, team action: Action, providerMay: Bool) async throws -> (ReviewRecord, Review) {
        let id = req.parameters.get("id") ?? ""
        let isTeam = req.holdsPermission(action) && req.holdsPermission(.viewReviews)
        if providerMay, !isTeam {
            let found = try await ReviewStore.find(id, allowing: .respondToReview, req)
            guard found.1.report.stage != .draft else { throw AppError.notFound("There is no review \(id) you can see") }
            return found
        }
        return try await ReviewStore.find(id, allowing: action, req)
    }

    static func sections(_ typed: [String: String?]?) throws -> [ReportSection: String?] {
        var out: [ReportSection: String?] = [:]
        for (key, value) in typed ?? [:] {
            guard let section = ReportSection(rawValue: key) else {
                throw AppError.invalid([FieldError("sections", "There is no section \(key): use "
                    + ReportSection.allCases.map(\.rawValue).joined(separator: ", ") + ".")])
            }
            out[section] = value
        }
        return out
    }

    @Sendable func show(req: Request) async throws -> ReportDTO {
        Self.dto(try await Self.review(req, team: .viewReviews, providerMay: true).1)
    }

    struct EditBody: Content { var sections: [String: String?]? }

    @Sendable func edit(req: Request) async throws -> ReportDTO {
        let (record, review) = try await Self.review(req, team: .manageReviews, providerMay: false)
        let typed = try Self.sections(try req.content.decode(EditBody.self).sections)
        try await ReviewIntake.changeReport(record, review, action: "edit", req) { try $0.edit(typed) }
        return Self.dto(try await ReviewStore.find(review.reference, allowing: .viewReviews, req).1)
    }

    struct CommentBody: Content { var section, text: String? }

    @Sendable func comment(req: Request) async throws -> Response {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .respondToReview, req)
        let body = try req.content.decode(CommentBody.self)
        let by = ReviewStore.actorName(req)
        try await ReviewIntake.changeReport(record, review, action: "comment", req) { report in
            try report.comment(on: body.section, body.text, by: by, today: .today())
        }
        let now = try await ReviewStore.find(review.reference, allowing: .respondToReview, req).1
        return try await Self.dto(now).encodeResponse(status: .created, for: req)
    }

    struct OutcomeBody: Content { var outcome, response: String? }

    @Sendable func outcome(req: Request) async throws -> ReportDTO {
        let (record, review) = try await Self.review(req, team: .manageReviews, providerMay: false)
        guard let number = req.parameters.get("number").flatMap(Int.init) else { throw AppError.notFound("There is no such comment") }
        let body = try req.content.decode(OutcomeBody.self)
        try await ReviewIntake.changeReport(record, review, action: "comment-outcome", req) { report in
            try report.recordOutcome(of: number, body.outcome, response: body.response)
        }
        return Self.dto(try await ReviewStore.find(review.reference, allowing: .viewReviews, req).1)
    }

    @Sendable func done(req: Request) async throws -> ReportDTO {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .respondToReview, req)
        try await ReviewIntake.changeReport(record, review, action: "provider-done", req) { report in
            try report.providerDone(today: .today())
        }
        return Self.dto(try await ReviewStore.find(review.reference, allowing: .respondToReview, req).1)
    }

    struct CorrectionBody: Content { var sections: [String: String?]?; var note: String? }

    @Sendable func correct(req: Request) async throws -> ReportDTO {
        let (record, review) = try await Self.review(req, team: .manageReviews, providerMay: false)
        let body = try req.content.decode(CorrectionBody.self)
        try await ReviewIntake.correct(record, review, sections: try Self.sections(body.sections), note: body.note, req)
        return Self.dto(try await ReviewStore.find(review.reference, allowing: .viewReviews, req).1)
    }
}

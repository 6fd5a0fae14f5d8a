import EduQualityDomain
import Fluent
import Vapor

/// Reading and writing reviews, always within what the visitor may see: the quality team by
/// scope, a reviewer on the reviews whose panel they sit on. The rule is the domain's
/// (`Authorization` on `.review`); queries are only narrowed first.
enum ReviewStore {
    static func resource(_ review: Review) -> Resource { .review(review.location, panel: review.panelUserIDs) }

    /// Whether `actor` may read `review` at all: through the review (the quality team, its panel) or
    /// as its provider. What they may read of it and do to it is for each route's action.
    static func mayRead(_ actor: Actor, _ review: Review) -> Bool {
        Authorization.isAllowed(actor, .viewReviews, resource(review))
            || Authorization.isAllowed(actor, .respondToReview, .located(review.location))
    }

    /// The name history lines give whoever acts: the account's display name, or its audit name.
    static func actorName(_ req: Request) -> String { req.signedIn?.user.displayName ?? req.auditActor }

    /// Every review `actor` may do `action` on, newest first.
    static func visible(to actor: Actor, allowing action: Action = .viewReviews,
                        on db: any Database) async throws -> [(ReviewRecord, Review)] {
        let holders = actor.assignments.filter { Authorization.permittedActions(for: $0.role).contains(action) }
        guard !holders.isEmpty else { return [] }
        let query = ReviewRecord.query(on: db)
        if !holders.contains(where: { $0.scope == .national || $0.scope == .assignedReviews }) {
            query.group(.or) { or in
                for a in holders {
                    switch a.scope {
                    case .region(let code): or.filter(\.$regionCode == code)
                    case .organisation(let code), .site(let code, _): or.filter(\.$organisationCode == code)
                    default: or.filter(\.$reference == "")
                    }
                }
            }
        }
        return try await query.sort(\.$number, .descending).all().compactMap { record in
            guard let review = record.review, Authorization.isAllowed(actor, action, resource(review)) else { return nil }
            return (record, review)
        }
    }

    /// The actions through which a review is read at all.
    static let readingActions: [Action] = [.viewReviews, .respondToReview]

    /// Every review the visitor may read, through the review or as its provider, newest first.
    static func readable(_ req: Request) async throws -> [(ReviewRecord, Review)] {
        var reviews = try await visible(to: req.actor, on: req.db)
        let seen = Set(reviews.map(\.1.reference))
        reviews += try await visible(to: req.actor, allowing: .respondToReview, on: req.db).filter { !seen.contains($0.1.reference) }
        return reviews.sorted { $0.0.number > $1.0.number }
    }

    /// The review with `reference`, once the visitor may do `action` on it (nil: read it, either
    /// way); one they may not see answers as one that does not exist.
    static func find(_ reference: String, allowing action: Action?, _ req: Request) async throws -> (ReviewRecord, Review) {
        guard let record = try await ReviewRecord.query(on: req.db).filter(\.$reference == reference.uppercased()).first(),
              let review = record.review, mayRead(req.actor, review) else {
            throw req.notVisible(anyOf: action.map { [$0] } ?? readingActions, "There is no review \(reference) you can see")
        }
        if let action {
            try req.authorize(action, action == .respondToReview ? .located(review.location) : resource(review))
        }
        return (record, review)
    }

    static func history(of record: ReviewRecord, on db: any Database) async throws -> [ReviewHistoryRecord] {
        try await ReviewHistoryRecord.query(on: db).filter(\.$reviewID == record.requireID()).sort(\.$at).all()
    }

    /// Plans a review from `form`, numbered next.
    static func open(_ form: NewReviewForm, _ req: Request) async throws -> Review {
        let vocabulary = try await RegisterVocabulary.load(req.db)
        let types = req.reviewSettings.types
        let actor = actorName(req)
        return try await req.db.audited(actor: req.auditActor) { db in
            let number = (try await ReviewRecord.query(on: db).max(\.$number) ?? 0) + 1
            let review = try form.validated(reference: Review.reference(number: number), types: types, against: vocabulary, today: .today())
            let record = ReviewRecord()
            record.number = number
            record.apply(review)
            try await record.create(on: db)
            let line = "Planned: \(types.named(review.type)?.name ?? review.type) on \(review.plannedOn.iso)"
            try await write([line], of: record, actor: actor, on: db)
            return (review, [AuditEvent(action: "review.plan", entityType: "review", entityID: review.reference,
                                        after: ["type": review.type, "organisation": review.organisation,
                                                "plannedOn": review.plannedOn.iso])])
        }
    }

    /// Saves a changed review with its history lines, audited; `extra` runs in the same
    /// transaction (a requirement saved with it, a report version published).
    static func save(_ review: Review, _ change: ReviewChange, record: ReviewRecord, _ req: Request,
                     extra: (@Sendable (any Database) async throws -> Void)? = nil) async throws {
        guard !change.lines.isEmpty else { return }
        let actor = actorName(req)
        try await req.db.audited(actor: req.auditActor) { db in
            record.apply(review)
            try await record.update(on: db)
            try await extra?(db)
            try await write(change.lines, of: record, actor: actor, on: db)
            return ((), [change.audit])
        }
    }

    static func write(_ lines: [String], of record: ReviewRecord, actor: String, on db: any Database) async throws {
        try await ReviewHistoryRecord(reviewID: record.requireID(), at: Date(), actor: actor,
                                      change: lines.joined(separator: "\n")).create(on: db)
    }
}

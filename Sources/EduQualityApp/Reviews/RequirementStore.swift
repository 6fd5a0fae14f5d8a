import EduQualityDomain
import Fluent
import Vapor

/// Requirements within what the visitor may see: the quality team and a review's panel through
/// the review, the provider's education lead its own organisation's.
enum RequirementStore {
    struct Found: Sendable {
        let record: RequirementRecord
        let requirement: Requirement
        let reviewRecord: ReviewRecord
        let review: Review
    }

    static func forReview(_ record: ReviewRecord, on db: any Database) async throws -> [(RequirementRecord, Requirement)] {
        try await RequirementRecord.query(on: db).filter(\.$reviewID == record.requireID()).all()
            .compactMap { r in r.requirement.map { (r, $0) } }
            .sorted { $0.1.order < $1.1.order }
    }

    /// Every requirement the visitor may read, with its review, newest review first.
    static func visible(_ req: Request) async throws -> [Found] {
        let actor = req.actor
        let reviews = try await ReviewStore.readable(req)
        guard !reviews.isEmpty else { return [] }
        let byID = Dictionary(reviews.compactMap { pair in pair.0.id.map { ($0, pair) } }) { a, _ in a }
        let records = try await RequirementRecord.query(on: req.db).filter(\.$reviewID ~~ Array(byID.keys)).all()
        return records.compactMap { record in
            guard let (reviewRecord, review) = byID[record.reviewID], let requirement = record.requirement,
                  ReviewStore.mayRead(actor, review) else { return nil }
            return Found(record: record, requirement: requirement, reviewRecord: reviewRecord, review: review)
        }
        .sorted { (-$0.reviewRecord.number, $0.requirement.order.kind, $0.requirement.order.number)
            < (-$1.reviewRecord.number, $1.requirement.order.kind, $1.requirement.order.number) }
    }

    /// The requirements linked to a register entry that the visitor may read.
    static func linked(toRegisterEntry reference: String, _ req: Request) async throws -> [Requirement] {
        let records = try await RequirementRecord.query(on: req.db).filter(\.$registerEntry == reference).all()
        guard !records.isEmpty else { return [] }
        let reviews = try await ReviewRecord.query(on: req.db).filter(\.$id ~~ Set(records.map(\.reviewID))).all()
        let readable = Set(reviews.compactMap { r in r.review.flatMap { ReviewStore.mayRead(req.actor, $0) ? r.id : nil } })
        return records.filter { readable.contains($0.reviewID) }.compactMap(\.requirement).sorted { $0.reference < $1.reference }
    }

    /// The requirement with `reference`, once the visitor may do `action` on it (`.respondToReview`
    /// on the provider's own, `.manageReviews` through the review; nil: read it, either way).
    static func find(_ reference: String, allowing action: Action?, _ req: Request) async throws -> Found {
        guard let record = try await RequirementRecord.query(on: req.db).filter(\.$reference == reference.uppercased()).first(),
              let requirement = record.requirement,
              let reviewRecord = try await ReviewRecord.find(record.reviewID, on: req.db), let review = reviewRecord.review,
              ReviewStore.mayRead(req.actor, review) else {
            throw req.notVisible(anyOf: ReviewStore.readingActions, "There is no requirement \(reference) you can see")
        }
        if let action {
            try req.authorize(action, action == .respondToReview ? .located(review.location) : ReviewStore.resource(review))
        }
        return Found(record: record, requirement: requirement, reviewRecord: reviewRecord, review: review)
    }

    /// Saves a requirement and a line in its review's history, audited.
    static func save(_ requirement: Requirement, _ change: ReviewChange, found: Found, _ req: Request,
                     extra: (@Sendable (any Database) async throws -> Void)? = nil) async throws {
        let actor = ReviewStore.actorName(req)
        let record = found.record, reviewRecord = found.reviewRecord
        let reviewID = try reviewRecord.requireID()
        try await req.db.audited(actor: req.auditActor) { db in
            try await extra?(db)
            record.apply(requirement, reviewID: reviewID)
            try await record.save(on: db)
            try await ReviewStore.write(change.lines, of: reviewRecord, actor: actor, on: db)
            return ((), [change.audit])
        }
    }

    /// Adds a finding to a review.
    static func create(_ requirement: Requirement, review record: ReviewRecord, _ req: Request) async throws {
        let actor = ReviewStore.actorName(req)
        let reviewID = try record.requireID()
        try await req.db.audited(actor: req.auditActor) { db in
            let row = RequirementRecord()
            row.overdueNotified = false
            row.apply(requirement, reviewID: reviewID)
            try await row.create(on: db)
            try await ReviewStore.write(["\(requirement.kind.displayName) \(requirement.reference) recorded"
                                         + (requirement.due.map { ", due \($0.iso)" } ?? "")], of: record, actor: actor, on: db)
            return ((), [AuditEvent(action: "requirement.create", entityType: "requirement", entityID: requirement.reference,
                                    after: ["kind": requirement.kind.rawValue, "due": requirement.due?.iso ?? "",
                                            "standards": requirement.standards.joined(separator: ",")])])
        }
    }
}

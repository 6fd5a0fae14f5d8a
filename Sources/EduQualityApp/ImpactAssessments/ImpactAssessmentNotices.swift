import EduQualityDomain
import Fluent
import Vapor

/// Who is told about an impact assessment: a submitted one goes to its provider's regional
/// quality team, a decision to the person who drafted it. Notices carry the reference, the
/// provider and a link, never the assessment's contents.
enum ImpactAssessmentNotices {
    static func submitted(_ a: ImpactAssessment, _ req: Request, on db: any Database) async throws {
        let provider = try await Organisation.query(on: db).filter(\.$code == a.provider).first()?.name ?? a.provider
        let link = req.application.link("/quality/impact-assessments/\(a.reference)")
        for recipient in try await ReviewNotices.recipients(.manageImpactAssessments, at: a.providerLocation, on: db) {
            try await OutboxMessage(
                recipient: recipient, subject: "Impact assessment \(a.reference) submitted for \(provider)",
                body: "An impact assessment on educational opportunities has been submitted for \(provider) (\(a.service)). "
                    + "Review it, signed in, at \(link).",
                kind: "impact-assessment-submitted", dedupeKey: "impact-assessment-submitted:\(a.reference):\(recipient)").create(on: db)
        }
    }

    static func decided(_ a: ImpactAssessment, _ req: Request, on db: any Database) async throws {
        guard let decision = a.decision, let id = UUID(uuidString: a.createdBy),
              let submitter = try await User.find(id, on: db), submitter.isActive else { return }
        let link = req.application.link("/quality/impact-assessments/\(a.reference)")
        try await OutboxMessage(
            recipient: submitter.email, subject: "Impact assessment \(a.reference): \(decision.outcome.displayName.lowercased())",
            body: "The regional quality team has decided impact assessment \(a.reference) (\(a.service)): "
                + "\(decision.outcome.displayName.lowercased())"
                + (decision.conditions.isEmpty ? "" : ", with \(decision.conditions.count) condition\(decision.conditions.count == 1 ? "" : "s")")
                + ". Read the decision, signed in, at \(link).",
            kind: "impact-assessment-decided", dedupeKey: "impact-assessment-decided:\(a.reference)").create(on: db)
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// Taking in a new concern, for the web form and the API alike: domain validation, the reference
/// data checks the domain cannot make (the codes exist, the site belongs to the organisation),
/// storage, the receipt code for reporters without an account, and the handlers' notification.
struct ConcernIntake {
    let req: Request

    struct Accepted: Sendable {
        let concern: Concern
        let receiptCode: ReceiptCode?
    }

    func submit(_ input: NewConcernForm) async throws -> Accepted {
        var form = input
        form.accountID = req.signedIn?.user.id?.uuidString
        if form.howRaised == HowRaised.anonymous.rawValue { form.accountID = nil }
        var errors: [FieldError] = []
        if let code = form.organisation?.trimmingWhitespace, !code.isEmpty {
            if let org = try await Organisation.inUse(on: req.db).filter(\.$code == code).first() {
                form.region = org.regionCode
            } else {
                errors.append(.init("organisation", "Choose the organisation where you were placed from the list"))
            }
        }
        if let code = form.site?.trimmingWhitespace, !code.isEmpty {
            let site = try await Site.query(on: req.db).filter(\.$code == code).first()
            if site == nil || site!.organisationCode != form.organisation?.trimmingWhitespace {
                errors.append(.init("site", "Choose a site of the organisation you chose, or leave the site blank"))
            }
        }
        if let code = form.educationProvider?.trimmingWhitespace, !code.isEmpty,
           try await Organisation.inUse(on: req.db).filter(\.$code == code).count() == 0 {
            errors.append(.init("educationProvider", "Choose your education provider from the list"))
        }
        let submission: ConcernSubmission
        do {
            submission = try form.validated()
        } catch {
            let domain = error.problems.filter { p in !errors.contains { $0.field == p.field.rawValue } }
                .map { FieldError($0.field.rawValue, $0.message) }
            throw AppError.invalid(Self.ordered(domain + errors))
        }
        if !errors.isEmpty { throw AppError.invalid(Self.ordered(errors)) }

        let receipt = submission.reporter.needsReceiptCode ? ReceiptCode.generate() : nil
        let actor = submission.howRaised == .anonymous ? AuditActor.anonymousReporter : req.auditActor
        let concern = try await req.concerns.create(submission, receiptDigest: receipt.map(req.receiptDigest.digest),
                                                    actor: actor)
        try await ConcernNotifier(db: req.db, siteURL: req.application.siteURL).newCase(concern)
        return Accepted(concern: concern, receiptCode: receipt)
    }

    private static func ordered(_ errors: [FieldError]) -> [FieldError] {
        let order = NewConcernForm.Field.allCases.map(\.rawValue)
        return errors.sorted { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
    }
}

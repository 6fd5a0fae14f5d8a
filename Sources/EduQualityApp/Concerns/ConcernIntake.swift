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
                errors.append(.init("organisation", Self.chooseOrganisation))
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
            // The region follows from the organisation (neither the form nor the API has a region
            // field), so a missing region is the organisation's problem, unless it has one already.
            let own = error.problems.filter { $0.field != .region }.map { FieldError($0.field.rawValue, $0.message) }
            let region = error.problems.contains { $0.field == .region }
                ? [FieldError(NewConcernForm.Field.organisation.rawValue, Self.chooseOrganisation)] : []
            var fields = Set<String>()
            throw AppError.invalid(Self.ordered((errors + own + region).filter { fields.insert($0.field).inserted }))
        }
        if !errors.isEmpty { throw AppError.invalid(Self.ordered(errors)) }

        let receipt = submission.reporter.needsReceiptCode ? ReceiptCode.generate() : nil
        let actor = submission.howRaised == .anonymous ? AuditActor.anonymousReporter : req.auditActor
        let concern = try await req.concerns.create(submission, receiptDigest: receipt.map(req.receiptDigest.digest),
                                                    actor: actor, notices: ConcernNotifier.newCase(siteURL: req.application.siteURL))
        return Accepted(concern: concern, receiptCode: receipt)
    }

    static let chooseOrganisation = "Choose the organisation where you were placed from the list"

    private static func ordered(_ errors: [FieldError]) -> [FieldError] {
        let order = NewConcernForm.Field.allCases.map(\.rawValue)
        return errors.sorted { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
    }
}

import EduQualityDomain
import Vapor

/// The suspension workflow's page and its one "record the next step" form. The domain refuses a
/// step out of order, an out-of-scope reason, or a decision not confirmed by a national lead.
struct SuspensionPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let suspensions = routes.grouped("isf", "suspensions")
        suspensions.get(":reference", use: show)
        suspensions.post(":reference", "step", use: step)
    }

    @Sendable func show(req: Request) async throws -> View {
        let visible = try await SuspensionStore.find(req.parameters.get("reference") ?? "", allowing: .viewQualityRegister, req)
        let flash = req.query[String.self, at: "done"] == "1" ? "The step has been recorded." : nil
        return try await req.view.render("isf/suspension", SuspensionPage.build(req, visible, flash: flash))
    }

    struct StepForm: Content {
        var step: String?
        var localResolution, localOutcome, urgentReason: String?
        var triggers: [String]?
        var panelName, panelRole: [String]?
        var suspend, rationale: String?
        var providerNotified, learnersNotified, regulatorNotified: String?
        var learnerProgramme, learnerLevel, learnerCount, learnerRelocatedTo: [String]?
        var namedListLawfulBasis: String?
        var conditions: String?
        var findings: String?
    }

    @Sendable func step(req: Request) async throws -> Response {
        let visible = try await SuspensionStore.find(req.parameters.get("reference") ?? "", allowing: .decideIntensiveSupport, req)
        let f = try req.content.decode(StepForm.self)
        guard let number = f.step.flatMap(Int.init), let step = TrainingSuspension.Step(rawValue: number) else {
            throw AppError.badRequest("step must be a number from 1 to \(TrainingSuspension.Step.allCases.count)")
        }
        let actor = req.signedIn?.user.displayName ?? req.auditActor
        let isNational = Authorization.isAllowed(req.actor, .confirmTrainingSuspension, .located(visible.subject.location))
        let reasons = req.application.suspensionReasons
        let today = CalendarDay.today()
        do {
            try await SuspensionStore.record(visible, req) { (w: inout TrainingSuspension) throws(SuspensionRefusal) -> AuditEvent in
                switch step {
                case .localResolution:
                    return try w.recordLocalResolution(f.localResolution == "skipped"
                        ? .skipped(urgentSafetyReason: f.urgentReason ?? "") : .offered(outcome: f.localOutcome ?? ""), by: actor, on: today)
                case .triggers:
                    return try w.recordTriggers(f.triggers ?? [], reasons: reasons, by: actor, on: today)
                case .decision:
                    let panel = zip(f.panelName ?? [], f.panelRole ?? []).map { TrainingSuspension.PanelMember(name: $0, role: $1) }
                    return try w.recordDecision(panel: panel, suspend: f.suspend == "yes", rationale: f.rationale ?? "",
                                                confirmedBy: actor, confirmerIsNationalLead: isNational, on: today)
                case .notifications:
                    return try w.recordNotifications(provider: Self.day(f.providerNotified), learners: Self.day(f.learnersNotified),
                                                     regulator: Self.day(f.regulatorNotified), by: actor, on: today)
                case .affectedLearners:
                    let count = (f.learnerProgramme ?? []).count
                    let groups = (0..<count).compactMap { i -> TrainingSuspension.LearnerGroup? in
                        let programme = f.learnerProgramme?[safe: i] ?? ""
                        guard !programme.trimmingWhitespace.isEmpty else { return nil }
                        return TrainingSuspension.LearnerGroup(programme: programme, level: f.learnerLevel?[safe: i] ?? "",
                                                               count: Int(f.learnerCount?[safe: i] ?? "") ?? 0,
                                                               relocatedTo: f.learnerRelocatedTo?[safe: i] ?? "")
                    }
                    return try w.recordAffectedLearners(groups, namedListLawfulBasis: f.namedListLawfulBasis, by: actor, on: today)
                case .returnConditions:
                    return try w.recordReturnConditions((f.conditions ?? "").split(separator: "\n").map(String.init), by: actor, on: today)
                case .lift:
                    return try w.recordLift(findings: f.findings ?? "", by: actor, on: today)
                }
            }
        } catch AppError.invalid(let errors) {
            return try await req.view.render("isf/suspension", SuspensionPage.build(req, visible, errors: errors))
                .encodeResponse(status: .badRequest, for: req)
        }
        return req.redirect(to: "/isf/suspensions/\(visible.workflow.reference)?done=1")
    }

    private static func day(_ s: String?) -> CalendarDay? { FormProblems.clean(s).flatMap(CalendarDay.init(iso:)) }
}

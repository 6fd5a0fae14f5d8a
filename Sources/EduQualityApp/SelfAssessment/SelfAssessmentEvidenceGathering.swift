import EduQualityDomain
import Fluent
import Vapor

/// Gathers what the comparison page sets beside a provider's ratings (`SelfAssessmentEvidence`),
/// each part read as the visitor may read it: register entries through `RegisterStore`'s scope,
/// survey flags through the reporting engine's published figures (disclosure control applied),
/// and review requirements from `requirements(of:standards:_:)`.
enum SelfAssessmentEvidenceGathering {
    static func gather(for assessment: SelfAssessment, _ req: Request) async throws -> SelfAssessmentEvidence {
        let bands = req.riskBands
        let entries = try await RegisterStore.visible(to: req.actor, on: req.db).map(\.1)
            .filter { $0.organisation == assessment.organisation }
            .map { e in (standards: e.standards, evidence: RegisterEntryEvidence(
                reference: e.reference, title: e.title, status: e.status, band: bands.band(for: e.risk).name, score: e.risk.score)) }
        let (round, flags) = surveyFlags(of: assessment.organisation, req)
        return SelfAssessmentEvidence(
            registerEntries: SelfAssessmentEvidence.byStandard(entries), surveyFlags: flags, surveyRound: round,
            requirements: try await requirements(of: assessment.organisation, standards: assessment.standards, req))
    }

    /// The organisation's red, pink and green cells in the latest published round, as published.
    static func surveyFlags(of organisation: String, _ req: Request) -> (round: String?, flags: [SurveyFlagEvidence]) {
        guard let access = try? req.reportAccess(), let round = access.rounds.last else { return (nil, []) }
        let query = ReportQuery(round: round, groupBy: .organisation, filters: [.organisation: organisation],
                                threshold: req.config.disclosureThreshold)
        let rows = (try? access.indicatorTable(query))?.rows ?? []
        return (round, rows.filter { $0.group == organisation && SurveyFlagEvidence.shown.contains($0.flag) }
            .map { SurveyFlagEvidence(indicator: $0.indicator, flag: $0.flag, mean: $0.mean, n: $0.n) })
    }

    /// The review requirements at `organisation` tagged with each of `standards`, by standard
    /// code, within what the visitor may read (`RequirementStore.visible`); good practice is left
    /// out, since it asks nothing of the provider.
    static func requirements(of organisation: String, standards: [String],
                             _ req: Request) async throws -> [String: [SelfAssessmentRequirement]] {
        let wanted = Set(standards)
        var byStandard: [String: [SelfAssessmentRequirement]] = [:]
        for found in try await RequirementStore.visible(req) where found.requirement.organisation == organisation {
            let r = found.requirement
            guard r.kind.isActionable else { continue }
            for code in r.standards where wanted.contains(code) {
                byStandard[code, default: []].append(SelfAssessmentRequirement(reference: r.reference, text: r.text, due: r.due,
                                                                              status: r.status.displayName))
            }
        }
        return byStandard
    }
}

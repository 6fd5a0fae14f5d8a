import EduQualityDomain
import Foundation

/// Between the stored row and the domain's `ISFDecision`.
extension ISFDecisionRecord {
    var subject: ISFSubject? { ISFSubject.Kind(rawValue: subjectKind).flatMap { ISFSubject(kind: $0, code: subjectCode) } }

    var location: Location { Location(region: regionCode, organisation: organisationCode, site: siteCode) }

    var decision: ISFDecision? {
        guard let subject, let next = CalendarDay(iso: nextReview), let decided = CalendarDay(iso: decidedOn) else { return nil }
        let plan = (try? JSONDecoder().decode([ISFPlanAction].self, from: Data(supportPlanJSON.utf8))) ?? []
        let ratification = ratifiedBy.flatMap { by in ratifiedOn.flatMap(CalendarDay.init(iso:)).map { ISFRatification(by: by, on: $0) } }
        return ISFDecision(id: id?.uuidString ?? "", subject: subject, category: category, previousCategory: previousCategory,
                           rationale: rationale, evidence: RegisterEntryRecord.codes(evidence), supportPlan: plan,
                           nextReview: next, decidedBy: decidedBy, decidedOn: decided, conditionsMet: conditionsMet,
                           ratification: ratification)
    }

    convenience init(_ d: ISFDecision, sequence: Int, location: Location) {
        self.init()
        id = UUID(uuidString: d.id)
        self.sequence = sequence
        subjectKind = d.subject.kind.rawValue
        subjectCode = d.subject.code
        regionCode = location.region
        organisationCode = location.organisation
        siteCode = location.site
        category = d.category
        previousCategory = d.previousCategory
        rationale = d.rationale
        evidence = d.evidence.joined(separator: ",")
        supportPlanJSON = RegisterEntryRecord.json(d.supportPlan)
        nextReview = d.nextReview.iso
        decidedBy = d.decidedBy
        decidedOn = d.decidedOn.iso
        conditionsMet = d.conditionsMet
        ratifiedBy = d.ratification?.by
        ratifiedOn = d.ratification?.on.iso
        reminded = false
        overdueMarked = false
    }
}

import EduQualityDomain
import Foundation

/// Between the stored rows and the domain's `Review` and `Requirement`.
extension ReviewRecord {
    struct Body: Codable {
        var sites: [String]
        var specialty: String?
        var programmeGroup: String?
        var professions: [String]
        var visitedOn: CalendarDay?
        var panel: [PanelMember]
        var evidence: [RegisterEntryRecord.StoredSource]
        var met: [MetGroup]
        var grades: [PlacementGrade]
        var report: ReviewReport
    }

    var review: Review? {
        guard let planned = CalendarDay(iso: plannedOn), let status = ReviewStatus(rawValue: status),
              let body = try? JSONDecoder().decode(Body.self, from: Data(bodyJSON.utf8)) else { return nil }
        return Review(reference: reference, type: typeCode, organisation: organisationCode, region: regionCode,
                      sites: body.sites, specialty: body.specialty, programmeGroup: body.programmeGroup,
                      professions: body.professions, plannedOn: planned, visitedOn: body.visitedOn, status: status,
                      panel: body.panel, evidence: body.evidence.compactMap { try? ReviewEvidence(kind: $0.kind, reference: $0.reference) },
                      met: body.met, grades: body.grades, report: body.report)
    }

    func apply(_ r: Review) {
        reference = r.reference
        typeCode = r.type
        regionCode = r.region
        organisationCode = r.organisation
        status = r.status.rawValue
        reportStage = r.report.stage.rawValue
        plannedOn = r.plannedOn.iso
        bodyJSON = RegisterEntryRecord.json(Body(
            sites: r.sites, specialty: r.specialty, programmeGroup: r.programmeGroup, professions: r.professions,
            visitedOn: r.visitedOn, panel: r.panel,
            evidence: r.evidence.map { RegisterEntryRecord.StoredSource(kind: $0.kind, reference: $0.reference) },
            met: r.met, grades: r.grades, report: r.report))
    }
}

extension RequirementRecord {
    var requirement: Requirement? {
        guard let kind = RequirementKind(rawValue: kind), let status = RequirementStatus(rawValue: status),
              let raised = CalendarDay(iso: raisedOn) else { return nil }
        return Requirement(
            reference: reference, review: reviewReference, organisation: organisationCode, region: regionCode, kind: kind,
            text: text, standards: RegisterEntryRecord.codes(standards), owner: owner, due: due.flatMap(CalendarDay.init(iso:)),
            status: status,
            updates: (try? JSONDecoder().decode([RequirementUpdate].self, from: Data(updatesJSON.utf8))) ?? [],
            decisions: (try? JSONDecoder().decode([RequirementDecision].self, from: Data(decisionsJSON.utf8))) ?? [],
            registerEntry: registerEntry, raisedOn: raised)
    }

    func apply(_ r: Requirement, reviewID: UUID) {
        reference = r.reference
        self.reviewID = reviewID
        reviewReference = r.review
        regionCode = r.region
        organisationCode = r.organisation
        kind = r.kind.rawValue
        status = r.status.rawValue
        due = r.due?.iso
        text = r.text
        standards = r.standards.joined(separator: ",")
        owner = r.owner
        registerEntry = r.registerEntry
        raisedOn = r.raisedOn.iso
        updatesJSON = RegisterEntryRecord.json(r.updates)
        decisionsJSON = RegisterEntryRecord.json(r.decisions)
        if $overdueNotified.value == nil { overdueNotified = false }
    }
}

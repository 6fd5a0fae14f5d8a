import EduQualityDomain
import Vapor

/// The reviews' JSON shapes, for the API (`ReviewsAPIController`, `ReviewReportsAPIController`).
enum ReviewDTO {
    struct Named: Content { let code, name: String }

    struct Requirement: Content {
        let id, kind, text: String
        let standards: [String]
        let owner, due: String?
        let rag: String?
        let ragReason: String?
        let status: String
        let overdue: Bool
        let review, organisation: String
        let registerEntry: String?
        let updates: [Update]
        let decisions: [Decision]
    }
    struct Update: Content { let number: Int; let text, by, on: String; let evidence: [String] }
    struct Decision: Content { let decision, reason, by, on: String }

    static func requirement(_ r: EduQualityDomain.Requirement, rule: RAGRule, today: CalendarDay = .today()) -> Requirement {
        let rag = r.rag(rule, on: today)
        return Requirement(
            id: r.reference, kind: r.kind.rawValue, text: r.text, standards: r.standards, owner: r.owner, due: r.due?.iso,
            rag: rag?.rag.rawValue, ragReason: rag?.reason, status: r.status.rawValue, overdue: r.isOverdue(on: today),
            review: r.review, organisation: r.organisation, registerEntry: r.registerEntry,
            updates: r.updates.map { Update(number: $0.number, text: $0.text, by: $0.by, on: $0.on.iso, evidence: $0.evidence.map { "/quality/evidence/\($0)" }) },
            decisions: r.decisions.map { Decision(decision: $0.outcome.rawValue, reason: $0.reason, by: $0.by, on: $0.on.iso) })
    }

    struct PanelMember: Content { let name, role: String; let hasAccount: Bool }
    struct Met: Content { let profession, level: String; let count: Int }
    struct Evidence: Content { let kind, reference: String }
    struct Report: Content {
        let stage: String
        let commentsDue: String?
        let waiver: String?
        let versions: Int
        let publicURL: String?
    }

    struct Review: Content {
        let id, type, organisation, region: String
        let sites: [String]
        let specialty, programmeGroup: String?
        let professions: [String]
        let plannedOn: String
        let visitedOn: String?
        let status: String
        let panel: [PanelMember]
        let evidence: [Evidence]
        let met: [Met]
        let report: Report
        let requirements: [Requirement]?
    }

    static func review(_ r: EduQualityDomain.Review, requirements: [EduQualityDomain.Requirement]?, rule: RAGRule) -> Review {
        Review(
            id: r.reference, type: r.type, organisation: r.organisation, region: r.region, sites: r.sites, specialty: r.specialty,
            programmeGroup: r.programmeGroup, professions: r.professions, plannedOn: r.plannedOn.iso, visitedOn: r.visitedOn?.iso,
            status: r.status.rawValue,
            panel: r.panel.map { PanelMember(name: $0.name, role: $0.role.rawValue, hasAccount: $0.userID != nil) },
            evidence: r.evidence.map { Evidence(kind: $0.kind, reference: $0.reference) },
            met: r.met.map { Met(profession: $0.profession, level: $0.level.rawValue, count: $0.count) },
            report: Report(stage: r.report.stage.rawValue, commentsDue: r.report.commentsDue?.iso, waiver: r.report.waiver?.reason,
                           versions: r.report.versions.count,
                           publicURL: r.report.stage == .published ? "/reviews/\(r.reference)" : nil),
            requirements: requirements.map { $0.map { requirement($0, rule: rule) } })
    }

    struct Finding: Content {
        let reference, kind, text: String
        let standards: [String]
        let due: String?
        let status: String?
        let rag: String?
    }
    struct ISFRating: Content { let programme, rating: String; let provisional: Bool }
    struct Grade: Content { let placement, grade: String; let toMoveUp: String? }
    struct Version: Content { let version: Int; let publishedOn, note: String }

    struct PublishedReport: Content {
        let id: String
        let version: Int
        let url, title: String
        let provider, region, type: Named
        let specialty: Named?
        let programmeGroup: String?
        let professions: [Named]
        let reviewedOn, finalReportOn, publishedOn: String
        let sections: [String: String]?
        let isfRatings: [ISFRating]?
        let requirements: [Finding]?
        let grades: [Grade]?
        let panel: [String]?
        let versions: [Version]?
    }

    /// A published report; `live` (current requirement statuses by reference) and `versions` for
    /// the full view, nil for a list.
    static func published(_ s: ReviewReportSnapshot, live: [String: EduQualityDomain.Requirement]?, versions: [Version]?,
                          rule: RAGRule) -> PublishedReport {
        func named(_ n: ReviewReportSnapshot.Named) -> Named { Named(code: n.code, name: n.name) }
        let full = live != nil
        return PublishedReport(
            id: s.reference, version: s.version, url: "/reviews/\(s.reference)", title: s.title, provider: named(s.provider),
            region: named(s.region), type: named(s.type), specialty: s.specialty.map(named), programmeGroup: s.programmeGroup,
            professions: s.professions.map(named), reviewedOn: s.reviewedOn.iso, finalReportOn: s.finalOn.iso,
            publishedOn: s.publishedOn.iso,
            sections: full ? Dictionary(uniqueKeysWithValues: s.sections.map { ($0.key.rawValue, $0.value) }) : nil,
            isfRatings: full ? s.isfRatings.map { ISFRating(programme: $0.programme, rating: $0.rating, provisional: $0.provisional) } : nil,
            requirements: full ? s.findings.map { f in
                let now = live?[f.reference]
                return Finding(reference: f.reference, kind: f.kind.rawValue, text: f.text, standards: f.standards, due: f.due?.iso,
                               status: now?.status.rawValue, rag: now?.rag(rule, on: .today())?.rag.rawValue)
            } : nil,
            grades: full ? s.grades.map { Grade(placement: $0.placement, grade: $0.grade.rawValue, toMoveUp: $0.toMoveUp) } : nil,
            panel: full ? s.panel : nil, versions: versions)
    }
}

import EduQualityDomain
import Vapor

/// Requirements as the tables on the review, requirements and register pages show them: reference,
/// kind, text, standards, due date, RAG status with its reason, status and whether overdue.
enum RequirementRows {
    struct Row: Encodable {
        let reference, href, review, reviewHref, organisation, kind, kindCode, text, standards, due, status: String
        let rag, ragCode, ragReason: String
        let overdue: Bool
    }

    static func rows(_ requirements: [Requirement], rule: RAGRule, today: CalendarDay,
                     names: ReportNames? = nil) -> [Row] {
        requirements.map { r in
            let rag = r.rag(rule, on: today)
            return Row(reference: r.reference, href: "/quality/requirements/\(r.reference)", review: r.review,
                       reviewHref: "/quality/reviews/\(r.review)", organisation: names?.name(r.organisation, .organisation) ?? r.organisation,
                       kind: r.kind.displayName, kindCode: r.kind.rawValue, text: r.text, standards: r.standards.joined(separator: ", "),
                       due: r.due?.longDescription ?? "", status: r.status.displayName,
                       rag: rag?.rag.displayName ?? "", ragCode: rag?.rag.rawValue ?? "", ragReason: rag?.reason ?? "",
                       overdue: r.isOverdue(on: today))
        }
    }
}

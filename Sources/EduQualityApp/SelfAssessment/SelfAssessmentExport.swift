import EduQualityDomain
import Vapor

/// The national view as CSV: a row for England and one per region, with completion and, for
/// each Quality Framework domain, how many standards the submitted assessments rated meets,
/// partly meets and does not meet. Columns: `year, framework_version, region, organisations,
/// not_started, draft, returned, submitted, reviewed, overdue, submitted_late`, then
/// `domain_CODE_meets, domain_CODE_partly_meets, domain_CODE_does_not_meet, domain_CODE_agreed,
/// domain_CODE_challenged` per domain in framework order.
enum SelfAssessmentExport {
    static func columns(_ summary: SelfAssessmentSummary) -> [String] {
        ["year", "framework_version", "region", "organisations", "not_started", "draft", "returned", "submitted", "reviewed",
         "overdue", "submitted_late"]
            + summary.domains.flatMap { d in ["meets", "partly_meets", "does_not_meet", "agreed", "challenged"].map { "domain_\(d.code)_\($0)" } }
    }

    static func csv(_ national: SelfAssessmentSummary, regions: [(code: String, summary: SelfAssessmentSummary)], frameworkVersion: Int) -> String {
        var out = SpreadsheetCSV.line(columns(national))
        for (region, s) in [(code: "ENG", summary: national)] + regions {
            let c = s.completion
            out += SpreadsheetCSV.line([s.year.label, String(frameworkVersion), region, String(c.organisations)]
                + SelfAssessmentProgress.allCases.map { String(c.count($0)) } + [String(c.overdue), String(c.submittedLate)]
                + s.domains.flatMap { d in
                    SelfRating.allCases.map { String(d.count($0)) } + ReviewVerdict.allCases.map { String(d.count($0)) }
                })
        }
        return out
    }

    static func response(_ body: String, year: AssessmentYear) -> Response {
        .csvAttachment(body, filename: "self-assessment-\(year.label).csv")
    }
}

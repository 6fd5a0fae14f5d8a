import EduQualityDomain
import Foundation

/// Between the stored rows and the domain's `SelfAssessmentWindow` and `SelfAssessment`.
extension SelfAssessmentWindowRecord {
    var window: SelfAssessmentWindow? {
        guard let year = AssessmentYear(label: year), let opens = CalendarDay(iso: opensOn),
              let closes = CalendarDay(iso: closesOn) else { return nil }
        return SelfAssessmentWindow(year: year, opensOn: opens, closesOn: closes, frameworkVersion: frameworkVersion)
    }

    func apply(_ w: SelfAssessmentWindow) {
        year = w.year.label
        opensOn = w.opensOn.iso
        closesOn = w.closesOn.iso
        frameworkVersion = w.frameworkVersion
    }
}

extension SelfAssessmentRecord {
    var assessment: SelfAssessment? {
        guard let year = AssessmentYear(label: year), let started = CalendarDay(iso: startedOn),
              let status = SelfAssessmentStatus(rawValue: status) else { return nil }
        let decoder = JSONDecoder()
        let ratings = (try? decoder.decode([String: StandardSelfAssessment].self, from: Data(ratingsJSON.utf8))) ?? [:]
        let reviews = (try? decoder.decode([String: StandardReview].self, from: Data(reviewsJSON.utf8))) ?? [:]
        return SelfAssessment(
            year: year, organisation: organisationCode, region: regionCode, frameworkVersion: frameworkVersion,
            standards: RegisterEntryRecord.codes(standards), ratings: ratings, reviews: reviews, status: status,
            startedOn: started, submittedOn: submittedOn.flatMap(CalendarDay.init(iso:)), submittedLate: submittedLate,
            returnReason: returnReason, reviewedOn: reviewedOn.flatMap(CalendarDay.init(iso:)))
    }

    func apply(_ a: SelfAssessment) {
        year = a.year.label
        organisationCode = a.organisation
        regionCode = a.region
        frameworkVersion = a.frameworkVersion
        standards = a.standards.joined(separator: ",")
        ratingsJSON = RegisterEntryRecord.json(a.ratings)
        reviewsJSON = RegisterEntryRecord.json(a.reviews)
        status = a.status.rawValue
        startedOn = a.startedOn.iso
        submittedOn = a.submittedOn?.iso
        submittedLate = a.submittedLate
        returnReason = a.returnReason
        reviewedOn = a.reviewedOn?.iso
    }
}

import Testing
@testable import EduQualityDomain

@Suite("Impact assessments: drafting one")
struct NewImpactAssessmentFormTests {
    typealias F = ImpactAssessmentFixtures

    @Test("a valid draft holds the change, learners per profession, ratings and the overall rating")
    func draft() throws {
        let a = try F.draft()
        #expect(a.reference == "IA-00001" && ImpactAssessment.reference(number: 12) == "IA-00012")
        #expect(a.status == .draft)
        #expect(a.commissioner == "ICB-NCL" && a.provider == "RJ1" && a.region == "LDN")
        #expect(a.providerLocation == Location(region: "LDN", organisation: "RJ1"))
        #expect(a.learners == [LearnersAffected(profession: "doctor-foundation", count: 6),
                               LearnersAffected(profession: "student-nurse", count: 12)])
        #expect(a.totalLearners == 18)
        #expect(a.ratings.count == 7 && a.ratings["travel"]?.rating == "low")
        #expect(a.overallRating == "medium")
        #expect(a.proposedEnd == CalendarDay(iso: "2028-03-31"))
    }

    @Test("a draft may be saved with no ratings yet, and no end date; a count of zero is allowed")
    func partial() throws {
        var typed = F.typed(ratings: [:], overall: nil)
        typed.proposedEnd = nil
        typed.learners = [.init(profession: "student-paramedic", count: "0"), .init(profession: " ", count: "")]
        let a = try F.draft(typed)
        #expect(a.ratings.isEmpty && a.overallRating == nil && a.proposedEnd == nil)
        #expect(a.learners == [LearnersAffected(profession: "student-paramedic", count: 0)])
        #expect(a.unrated(in: F.form).count == 7)
    }

    static func with(_ change: (inout NewImpactAssessmentForm) -> Void) -> NewImpactAssessmentForm {
        var typed = ImpactAssessmentFixtures.typed()
        change(&typed)
        return typed
    }

    @Test("bad input is refused with the field named and a clear message", arguments: [
        (with { $0.commissioner = nil }, "commissioner", "Enter the commissioner's organisation code."),
        (with { $0.provider = "ZZZ" }, "provider", "ZZZ is not a known organisation code."),
        (with { $0.service = " " }, "service", "Enter the service that is changing."),
        (with { $0.description = nil }, "description", "Describe the proposed change."),
        (with { $0.proposedStart = "April" }, "proposedStart", "Enter a real date, as YYYY-MM-DD."),
        (with { $0.proposedEnd = "2027-03-31" }, "proposedEnd", "The end date cannot be before the start date (2027-04-01)."),
        (with { $0.learners = [.init(profession: "astronaut", count: "3")] }, "learners",
         "astronaut is not a known profession for each row of learners affected."),
        (with { $0.learners = [.init(profession: "student-nurse", count: "-1")] }, "learners",
         "Enter the number of student-nurse learners affected as a whole number from 0 to 100000."),
        (with { $0.learners = [.init(profession: "student-nurse", count: "lots")] }, "learners",
         "Enter the number of student-nurse learners affected as a whole number from 0 to 100000."),
        (with { $0.learners = [.init(profession: "student-nurse", count: "1"), .init(profession: "student-nurse", count: "2")] },
         "learners", "student-nurse is listed twice; give one number per profession."),
        (with { $0.ratings["travel"] = .init(rating: "severe", evidence: "x") }, "ratings.travel",
         "severe is not on the rating scale: rate travel none, low, medium or high."),
        (with { $0.ratings["parking"] = .init(rating: "low", evidence: "x") }, "ratings.parking",
         "parking is not a section of the impact assessment form."),
        (with { $0.ratings["travel"] = .init(rating: "high", evidence: " ") }, "evidence.travel",
         "Give the evidence for rating travel high."),
        (with { $0.overallRating = "catastrophic" }, "overallRating", "Rate the overall impact none, low, medium or high."),
    ])
    func refused(typed: NewImpactAssessmentForm, field: String, message: String) {
        let error = #expect(throws: InvalidForm.self) { try ImpactAssessmentFixtures.draft(typed) }
        #expect(error?.message(for: field) == message, "\(String(describing: error))")
    }

    @Test("a rating of the lowest level needs no evidence")
    func noneWithoutEvidence() throws {
        let a = try F.draft(Self.with { $0.ratings["facilities"] = .init(rating: "none") })
        #expect(a.ratings["facilities"] == SectionRating(rating: "none", evidence: nil))
    }
}

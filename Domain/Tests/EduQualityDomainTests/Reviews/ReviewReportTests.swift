import Testing
@testable import EduQualityDomain

@Suite("Review reports: no publication without factual accuracy or a waiver; corrections are versions")
struct ReviewReportTests {
    typealias F = ReviewFixtures

    static func drafting() throws -> Review {
        var review = F.review(status: .reportDrafting, visitedOn: CalendarDay(iso: "2026-11-20"))
        _ = try review.report.edit(F.sections)
        return review
    }

    static func move(_ review: inout Review, _ to: String, waiver: String? = nil, today: CalendarDay = F.today) throws -> ReviewChange {
        try review.moveReport(to: to, waiver: waiver, by: "lead", today: today, calendar: F.calendar, factualAccuracyWorkingDays: 10)
    }

    @Test("draft → factual accuracy → final → published, with the deadline in working days")
    func fullPath() throws {
        var review = try Self.drafting()
        _ = try Self.move(&review, "factual-accuracy")
        #expect(review.report.stage == .factualAccuracy)
        #expect(review.report.commentsDue == CalendarDay(iso: "2026-12-16"))
        _ = try review.report.comment(on: "overview", "The date of the visit is wrong", by: "provider", today: F.today)
        #expect(throws: InvalidForm.self) { try Self.move(&review, "final", today: CalendarDay(iso: "2026-12-17")!) }
        _ = try review.report.recordOutcome(of: 1, "accepted", response: "Corrected")
        #expect(throws: InvalidForm.self) { try Self.move(&review, "final") }  // the provider may still comment
        _ = try review.report.providerDone(today: F.today)
        _ = try Self.move(&review, "final")
        #expect(review.report.stage == .final && review.report.finalOn == F.today && review.report.waiver == nil)
        let published = try Self.move(&review, "published")
        #expect(review.report.stage == .published)
        #expect(review.report.versions.map(\.number) == [1])
        #expect(published.audit.action == "review-report.published")
        _ = try review.move(to: "closed", on: nil, today: F.today)
        #expect(review.status == .closed)
    }

    @Test("every stage × target without a waiver: publication never skips factual accuracy")
    func noSkipping() throws {
        for target in ReportStage.allCases {
            var review = try Self.drafting()
            if target == .factualAccuracy {
                #expect(throws: Never.self) { try Self.move(&review, target.rawValue) }
            } else {
                #expect(throws: InvalidForm.self) { try Self.move(&review, target.rawValue) }
                #expect(review.report.stage == .draft)
            }
        }
    }

    @Test("a waiver with a reason lets a draft become final, or final and published at once")
    func waiver() throws {
        var review = try Self.drafting()
        #expect(throws: InvalidForm.self) { try Self.move(&review, "final", waiver: "  ") }
        let change = try Self.move(&review, "final", waiver: "Urgent: learners at risk")
        #expect(review.report.waiver?.reason == "Urgent: learners at risk")
        #expect(change.audit.after?["waiver"] == "Urgent: learners at risk")
        var direct = try Self.drafting()
        _ = try Self.move(&direct, "published", waiver: "Monitoring visit, provider agreed")
        #expect(direct.report.stage == .published && direct.report.waiver != nil)
    }

    @Test("a report leaves draft only with its required sections, and only once the review drafts it")
    func readiness() throws {
        var empty = F.review(status: .reportDrafting, visitedOn: F.today)
        #expect(throws: InvalidForm.self) { try Self.move(&empty, "factual-accuracy") }
        var early = F.visited()
        _ = try early.report.edit(F.sections)
        #expect(throws: InvalidForm.self) { try Self.move(&early, "factual-accuracy") }
    }

    @Test("comments: only at factual accuracy, by the deadline, per section, until the provider is done")
    func comments() throws {
        var review = try Self.drafting()
        #expect(throws: InvalidForm.self) { try review.report.comment(on: "overview", "x", by: "p", today: F.today) }
        _ = try Self.move(&review, "factual-accuracy")
        #expect(throws: InvalidForm.self) { try review.report.comment(on: "chapter-9", "x", by: "p", today: F.today) }
        #expect(throws: InvalidForm.self) { try review.report.comment(on: "overview", "", by: "p", today: F.today) }
        #expect(throws: InvalidForm.self) { try review.report.comment(on: "overview", "late", by: "p", today: CalendarDay(iso: "2026-12-17")!) }
        #expect(throws: InvalidForm.self) { try review.report.recordOutcome(of: 1, "accepted", response: "x") }
        _ = try review.report.comment(on: "background", "x", by: "p", today: F.today)
        #expect(throws: InvalidForm.self) { try review.report.recordOutcome(of: 1, "accepted", response: " ") }
        #expect(throws: InvalidForm.self) { try review.report.recordOutcome(of: 1, "ignored", response: "x") }
        _ = try review.report.providerDone(today: F.today)
        #expect(throws: InvalidForm.self) { try review.report.comment(on: "overview", "more", by: "p", today: F.today) }
    }

    @Test("the deadline passing lets the team finalise without the provider saying it is done")
    func deadline() throws {
        var review = try Self.drafting()
        _ = try Self.move(&review, "factual-accuracy")
        _ = try Self.move(&review, "final", today: CalendarDay(iso: "2026-12-17")!)
        #expect(review.report.stage == .final)
    }

    @Test("a final or published report does not change by editing; a correction is a new version with its note")
    func corrections() throws {
        var review = try Self.drafting()
        _ = try Self.move(&review, "published", waiver: "Agreed")
        #expect(throws: InvalidForm.self) { try review.report.edit([.overview: "changed"]) }
        #expect(throws: InvalidForm.self) { try review.report.correct([.overview: "changed"], note: " ", today: F.today) }
        #expect(throws: InvalidForm.self) { try review.report.correct([.overview: ""], note: "Blank it", today: F.today) }
        let lines = try review.report.correct([.overview: "Corrected overview"], note: "Visit date", today: F.today.adding(days: 3))
        #expect(review.report.versions.map(\.number) == [1, 2])
        #expect(review.report.versions[1].note == "Visit date")
        #expect(review.report.text(.overview) == "Corrected overview")
        #expect(lines.last?.contains("version 2") == true)
        #expect(throws: InvalidForm.self) { try Self.move(&review, "published") }
    }
}

@Suite("Published reports: ISF ratings, search and the public panel")
struct ReviewReportSnapshotTests {
    static func snapshot(reference: String, provider: String = "T001", region: String = "LDN", type: String = "risk-based",
                         finalOn: String = "2026-10-01", professions: [String] = ["student-nurses"],
                         standards: [String] = ["1.1"], text: String = "Teaching time") -> ReviewReportSnapshot {
        ReviewReportSnapshot(
            reference: reference, version: 1, provider: .init(code: provider, name: "Provider \(provider)"),
            region: .init(code: region, name: "Region \(region)"), type: .init(code: type, name: "Type \(type)"), sites: [],
            specialty: .init(code: "GEN-SURG", name: "General surgery"), programmeGroup: "Surgery",
            professions: professions.map { .init(code: $0, name: $0) }, reviewedOn: CalendarDay(iso: finalOn)!.adding(days: -30),
            finalOn: CalendarDay(iso: finalOn)!, publishedOn: CalendarDay(iso: finalOn)!, sections: [.overview: "An overview"],
            isfRatings: [], findings: [.init(reference: "\(reference)-MR1", kind: .mandatory, standards: standards, text: text, due: nil)],
            grades: [], panel: [], metTotal: 0)
    }

    @Test("an ISF rating moves against the previous report's category, else the history's movement")
    func isfRating() {
        #expect(ReportISFRating.rating(category: 2, provisional: false, previousReportCategory: 2, historyMovement: .first) == "ISF 2 (unchanged)")
        #expect(ReportISFRating.rating(category: 3, provisional: true, previousReportCategory: 2, historyMovement: .unchanged)
                .hasPrefix("ISF 3 (") )
        #expect(ReportISFRating.rating(category: 3, provisional: true, previousReportCategory: 2, historyMovement: .unchanged).hasSuffix(", provisional"))
        #expect(ReportISFRating.rating(category: 1, provisional: false, previousReportCategory: nil, historyMovement: .deescalated(from: 2))
                == "ISF 1 (\(ISFMovement.deescalated(from: 2).description))")
        #expect(ReportISFRating.category(in: "ISF 3 (up from 2)") == 3)
        #expect(ReportISFRating.category(in: "none") == nil)
    }

    @Test("search by words, provider, region, type, profession, standard and dates; newest first")
    func search() {
        let reports = [
            Self.snapshot(reference: "RV-00001", finalOn: "2026-03-01"),
            Self.snapshot(reference: "RV-00002", provider: "T002", region: "MID", type: "programme", finalOn: "2026-06-01",
                          professions: ["doctors-in-training"], standards: ["3.1"], text: "Induction for rotas"),
            Self.snapshot(reference: "RV-00003", finalOn: "2026-09-01"),
        ]
        func refs(_ q: ReviewReportQuery) -> [String] { q.results(reports).map(\.reference) }
        #expect(refs(ReviewReportQuery()) == ["RV-00003", "RV-00002", "RV-00001"])
        #expect(refs(ReviewReportQuery(words: "INDUCTION rotas")) == ["RV-00002"])
        #expect(refs(ReviewReportQuery(words: "induction teaching")) == [])
        #expect(refs(ReviewReportQuery(organisation: "t001")) == ["RV-00003", "RV-00001"])
        #expect(refs(ReviewReportQuery(region: "MID")) == ["RV-00002"])
        #expect(refs(ReviewReportQuery(type: "programme")) == ["RV-00002"])
        #expect(refs(ReviewReportQuery(profession: "student-nurses")) == ["RV-00003", "RV-00001"])
        #expect(refs(ReviewReportQuery(standard: "3.1")) == ["RV-00002"])
        #expect(refs(ReviewReportQuery(from: CalendarDay(iso: "2026-05-01"), to: CalendarDay(iso: "2026-08-31"))) == ["RV-00002"])
        #expect(refs(ReviewReportQuery(words: "   ")) == ["RV-00003", "RV-00002", "RV-00001"])
    }

    @Test("the serious concerns are the immediate mandatory requirements")
    func seriousConcerns() {
        var report = Self.snapshot(reference: "RV-00009")
        report.findings.append(.init(reference: "RV-00009-IMR1", kind: .immediateMandatory, standards: ["1.2"], text: "Unsupervised nights", due: nil))
        report.findings.append(.init(reference: "RV-00009-GP1", kind: .goodPractice, standards: ["3.1"], text: "Welcome pack", due: nil))
        #expect(report.seriousConcerns.map(\.reference) == ["RV-00009-IMR1"])
        #expect(report.goodPractice.map(\.reference) == ["RV-00009-GP1"])
        #expect(report.actionable.count == 2)
        #expect(report.standards == ["1.1", "1.2", "3.1"])
    }
}

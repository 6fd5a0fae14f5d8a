import Testing
@testable import EduQualityDomain

@Suite("Register entries: validation, status, changes and history")
struct RegisterEntryTests {
    typealias F = RegisterFixtures

    @Test("a valid form opens an entry tagged with the framework version, and its history says so")
    func opens() throws {
        let draft = try F.form(sources: [TypedSource(kind: "survey-flag", reference: "NETS-2026/organisation/T001/supervision"),
                                         TypedSource(kind: "concern", reference: "cn-abcde-fghjk")])
            .validated(against: F.vocabulary, today: F.today)
        let (entry, change) = draft.open(reference: RegisterEntry.reference(number: 7), owner: "u1", on: F.today, bands: .standard)
        #expect(entry.reference == "QR-00007")
        #expect(entry.region == "LDN")
        #expect(entry.frameworkVersion == 1)
        #expect(entry.risk.score == 12)
        #expect(entry.sources.count == 2)
        #expect(change.lines == ["Opened with risk 4 × 3 = 12 (high)"])
        #expect(change.audit.action == "register-entry.open")
        #expect(change.audit.after?["band"] == "high")
    }

    @Test("bad input names its field", arguments: [
        (F.form(organisation: "NOPE"), "organisation"),
        (F.form(organisation: ""), "organisation"),
        (F.form(likelihood: "0"), "likelihood"),
        (F.form(likelihood: "6"), "likelihood"),
        (F.form(impact: "three"), "impact"),
        (F.form(standards: []), "standards"),
        (F.form(standards: ["9.9"]), "standards"),
        (F.form(sources: [TypedSource(kind: "survey-flag", reference: "NETS/organisation/T001")]), "sources"),
        (F.form(sources: [TypedSource(kind: "rumour", reference: "x")]), "sources"),
    ])
    func invalid(form: NewRegisterEntryForm, field: String) {
        #expect(throws: InvalidForm.self) { try form.validated(against: F.vocabulary, today: F.today) }
        do { _ = try form.validated(against: F.vocabulary, today: F.today) } catch {
            #expect(error.message(for: field) != nil)
        }
    }

    @Test("a site must belong to the organisation, and the review date cannot be in the past")
    func siteAndReview() {
        var form = F.form()
        form.site = "T010-01"
        form.reviewDue = "2026-12-01"
        do { _ = try form.validated(against: F.vocabulary, today: F.today); Issue.record("accepted") } catch {
            #expect(error.message(for: "site") == "Site T010-01 does not belong to organisation T001.")
            #expect(error.message(for: "reviewDue") == "The review date must be today or later.")
        }
    }

    @Test("every status pair: allowed moves happen with a reason, others are refused and change nothing")
    func statusMatrix() throws {
        for from in RegisterEntryStatus.allCases {
            for to in RegisterEntryStatus.allCases where to != from {
                var entry = F.entry(status: from)
                let before = entry
                if from.next.contains(to) {
                    #expect(throws: InvalidForm.self) {
                        try entry.apply(RegisterEntryUpdate(status: to.rawValue), by: "u", on: F.today, bands: .standard)
                    }
                    #expect(entry == before)
                    let change = try entry.apply(RegisterEntryUpdate(status: to.rawValue, reason: "Because"), by: "u",
                                                 on: F.today, bands: .standard)
                    #expect(entry.status == to)
                    #expect(change.lines.first == "Status \(from.rawValue) → \(to.rawValue)")
                    #expect(change.lines.last == "Reason: Because")
                } else {
                    do {
                        _ = try entry.apply(RegisterEntryUpdate(status: to.rawValue, reason: "Because"), by: "u",
                                            on: F.today, bands: .standard)
                        Issue.record("\(from) → \(to) accepted")
                    } catch {
                        #expect(error.message(for: "status") != nil)
                    }
                    #expect(entry == before)
                }
            }
        }
    }

    @Test("reopening a closed entry is audited as a reopening and needs its reason")
    func reopen() throws {
        var entry = F.entry(status: .closed)
        do { _ = try entry.apply(RegisterEntryUpdate(status: "open"), by: "u", on: F.today, bands: .standard) } catch {
            #expect(error.message(for: "reason") == "Say why the entry is reopened.")
        }
        let change = try entry.apply(RegisterEntryUpdate(status: "open", reason: "New survey flag"), by: "u",
                                     on: F.today, bands: .standard)
        #expect(change.audit.action == "register-entry.reopen")
        #expect(change.audit.after?["reason"] == "New survey flag")
    }

    @Test("a risk change shows both bands; review date and owner change without a reason")
    func riskAndOwner() throws {
        var entry = F.entry()
        let change = try entry.apply(RegisterEntryUpdate(likelihood: "5", impact: "4", reason: "Second flag"),
                                     by: "u", on: F.today, bands: .standard)
        #expect(change.lines == ["Risk 4 × 3 = 12 (high) → 5 × 4 = 20 (extreme)", "Reason: Second flag"])
        let moved = try entry.apply(RegisterEntryUpdate(reviewDue: "2027-02-01", owner: "u2"), by: "u", on: F.today,
                                    bands: .standard, ownerName: { $0 == "u2" ? "Jo" : "Sam" })
        #expect(moved.lines == ["Review date 2027-01-15 → 2027-02-01", "Owner Sam → Jo"])
        #expect(throws: InvalidForm.self) { try entry.apply(RegisterEntryUpdate(), by: "u", on: F.today, bands: .standard) }
        let before = entry
        #expect(throws: InvalidForm.self) {
            try entry.apply(RegisterEntryUpdate(likelihood: "6", reviewDue: "2027-03-01", reason: "x"), by: "u", on: F.today, bands: .standard)
        }
        #expect(entry == before)
    }

    @Test("actions are numbered, completed once, and overdue when past due and not done")
    func actions() throws {
        var entry = F.entry()
        _ = try entry.addAction(text: "Rota review", owner: "DME", due: "2026-12-20", on: F.today)
        _ = try entry.addAction(text: "Night induction", owner: "Clinical tutor", due: "2027-01-10", on: F.today)
        #expect(entry.actions.map(\.number) == [1, 2])
        _ = try entry.completeAction(1, on: F.today)
        #expect(throws: InvalidForm.self) { try entry.completeAction(1, on: F.today) }
        #expect(throws: InvalidForm.self) { try entry.completeAction(9, on: F.today) }
        #expect(entry.overdueActions(on: CalendarDay(iso: "2027-01-11")!).map(\.number) == [2])
        #expect(throws: InvalidForm.self) { try entry.addAction(text: "x", owner: "y", due: "2026-01-01", on: F.today) }
        #expect(entry.isReviewOverdue(on: CalendarDay(iso: "2027-01-16")!))
        entry.status = .closed
        #expect(!entry.isReviewOverdue(on: CalendarDay(iso: "2027-01-16")!))
    }

    @Test("source references parse by kind and round-trip")
    func sources() throws {
        let cases: [(RegisterSourceKind, String)] = [
            (.surveyFlag, "NETS-2026/site/T001-01/supervision"), (.concern, "CN-ABCDE-FGHJK"), (.comment, "42"),
            (.speakUp, "T001/2026-27 Q2/patient-safety"), (.gmcSurvey, "2026/T001/-/acute-medicine/clinical-supervision"),
            (.selfReport, "Board paper, October 2026"), (.impactAssessment, "IA-00012"),
        ]
        #expect(try RegisterSource(kind: .impactAssessment, reference: " ia-00003 ").reference == "IA-00003")
        for (kind, reference) in cases {
            let source = try RegisterSource(kind: kind, reference: reference)
            #expect(source.kind == kind)
            #expect(source.reference == reference)
        }
        for (kind, bad) in [(RegisterSourceKind.surveyFlag, "NETS/town/T001/x"), (.comment, "-3"), (.concern, "QR-1"),
                            (.speakUp, "T001/2026 Q2/x"), (.gmcSurvey, "26/T001/-/a/b"), (.gmcSurvey, "2026/T001/-/a"), (.selfReport, ""),
                            (.impactAssessment, "IA-12"), (.impactAssessment, "IA-+0012"), (.impactAssessment, "QR-00012")] {
            #expect(throws: RegisterSourceProblem.self) { try RegisterSource(kind: kind, reference: bad) }
        }
    }

    @Test("the filter matches every given field and words of the text")
    func filter() {
        let entry = F.entry()
        let bands = RiskBands.standard
        #expect(RegisterFilter().matches(entry, bands: bands, today: F.today))
        #expect(RegisterFilter(region: "LDN", band: "high", standard: "1.2", profession: "doctor-foundation",
                               text: "SENIOR night").matches(entry, bands: bands, today: F.today))
        #expect(!RegisterFilter(region: "NW").matches(entry, bands: bands, today: F.today))
        #expect(!RegisterFilter(status: .closed).matches(entry, bands: bands, today: F.today))
        #expect(!RegisterFilter(band: "low").matches(entry, bands: bands, today: F.today))
        #expect(!RegisterFilter(reviewOverdue: true).matches(entry, bands: bands, today: F.today))
        #expect(RegisterFilter().cell(likelihood: 4, impact: 3).matches(entry, bands: bands, today: F.today))
        #expect(!RegisterFilter().cell(likelihood: 3, impact: 4).matches(entry, bands: bands, today: F.today))
        #expect(!RegisterFilter(text: "bullying").matches(entry, bands: bands, today: F.today))
    }
}

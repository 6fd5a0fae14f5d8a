import Testing
@testable import EduQualityDomain

@Suite("Impact assessment form: an administrator's changes")
struct ImpactAssessmentFormChangeTests {
    typealias F = ImpactAssessmentFixtures

    @Test("a section added is on the form, required, audited, and a draft must rate it before it is submitted")
    func addSection() throws {
        let (form, audit) = try F.form.adding(section: " Digital-Access ", title: "Digital access", help: "Laptops and logins.", required: true)
        #expect(form.sections.last == ImpactSection(code: "digital-access", title: "Digital access", help: "Laptops and logins."))
        #expect(audit.action == "impact-assessment-form.add-section" && audit.entityID == "digital-access")
        var draft = try F.draft()
        let refused = #expect(throws: InvalidForm.self) { try draft.submit(form: form, on: F.today) }
        #expect(refused?.message(for: "ratings.digital-access") != nil)
        _ = try draft.rate(section: "digital-access", rating: "none", evidence: nil, form: form)
        _ = try draft.submit(form: form, on: F.today)
        #expect(draft.status == .submitted)
    }

    @Test("a section needs a new, valid code and a title")
    func badSection() {
        for (code, title, field) in [("supervision", "Again", "sectionCode"), ("bad code!", "X", "sectionCode"), (nil, "X", "sectionCode"),
                                     ("new-one", " ", "sectionTitle")] as [(String?, String, String)] {
            let error = #expect(throws: InvalidForm.self) { try F.form.adding(section: code, title: title, help: nil, required: true) }
            #expect(error?.message(for: field) != nil, "\(String(describing: code)) \(title)")
        }
    }

    @Test("a level is added above the highest; a level in use, or one that would leave a single level, is never removed")
    func levels() throws {
        let (form, audit) = try F.form.adding(level: "severe", name: "Severe")
        #expect(form.scale.map(\.code) == ["none", "low", "medium", "high", "severe"])
        #expect(audit.after?["position"] == "5")
        #expect(throws: InvalidForm.self) { try form.adding(level: "low", name: "Low again") }
        let used = ImpactAssessmentForm.usedLevels([try F.draft()])
        #expect(used == ["low", "medium"])
        let error = #expect(throws: InvalidForm.self) { try form.removing(level: "low", used: used) }
        #expect(error?.message(for: "level")?.contains("in use") == true)
        let (smaller, removal) = try form.removing(level: "severe", used: used)
        #expect(smaller.scale.count == 4 && removal.before?["code"] == "severe")
        #expect(throws: InvalidForm.self) { try form.removing(level: "nothing", used: []) }
        let two = try ImpactAssessmentForm(scale: [.init(code: "a", name: "A"), .init(code: "b", name: "B")], sections: F.form.sections)
        #expect(throws: InvalidForm.self) { try two.removing(level: "a", used: []) }
    }

    @Test("the filter narrows by status, provider and region, and refuses an unknown status")
    func filter() throws {
        let a = try F.draft()
        #expect(try ImpactAssessmentFilter().matches(a))
        #expect(try ImpactAssessmentFilter(status: "draft", provider: "rj1", region: "ldn").matches(a))
        #expect(!(try ImpactAssessmentFilter(status: "decided").matches(a)))
        #expect(!(try ImpactAssessmentFilter(provider: "RM2").matches(a)))
        #expect(throws: InvalidForm.self) { try ImpactAssessmentFilter(status: "pending") }
    }
}

import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Quality Framework versions")
struct QualityFrameworkVersionTests {
    typealias F = QualityFrameworkFixtures

    @Test("a draft is the next version; editing it leaves the published version as it was")
    func draftKeepsOldVersion() throws {
        // setup
        let v1 = F.version1()
        var v2 = v1.nextDraft()
        // MUT
        let event = try v2.apply(.editStandard(code: "1.2", text: "  Learners are treated with dignity.  "),
                                 used: QualityFrameworkCodes(versions: [v1]))
        // validate
        #expect(v2.version == 2)
        #expect(v2.standard("1.2")?.text == "Learners are treated with dignity.")
        #expect(v1.standard("1.2")?.text == "Learners are treated fairly.")
        #expect(event == AuditEvent(action: "quality-framework.standard-edit", entityType: "quality-framework",
                                    entityID: "2/1.2", before: ["text": "Learners are treated fairly."],
                                    after: ["text": "Learners are treated with dignity."]))
    }

    @Test("a new standard takes the next number in its domain, never a retired standard's code")
    func newStandardCodes() throws {
        let v1 = F.version1()
        var v2 = v1.nextDraft()
        let used = QualityFrameworkCodes(versions: [v1])
        // MUT: retire 1.3, then add two standards to domain 1
        _ = try v2.apply(.retireStandard(code: "1.3"), used: used)
        let first = try v2.apply(.addStandard(domain: "1", text: "Interprofessional learning."), used: used)
        let second = try v2.apply(.addStandard(domain: "1", text: "Library access."), used: used)
        // validate
        #expect(first.entityID == "2/1.4" && second.entityID == "2/1.5")
        #expect(v2.domain("1")?.standards.map(\.code) == ["1.1", "1.2", "1.4", "1.5"])
        #expect(v2.standard("1.3") == nil)
        #expect(v1.standard("1.3")?.text == "Quality improvement opportunities.")
        #expect(v2.unknownStandards(["1.1", "1.3", "9.9"]) == ["1.3", "9.9"])
        #expect(v1.unknownStandards(["1.1", "1.3"]) == [])
    }

    @Test("codes used only by an older version are not handed out again")
    func codesFromOlderVersions() throws {
        // setup: version 2 retired 2.2; version 3 starts from version 2
        let v1 = F.version1()
        var v2 = v1.nextDraft()
        _ = try v2.apply(.retireStandard(code: "2.2"), used: QualityFrameworkCodes(versions: [v1]))
        var v3 = v2.nextDraft()
        // MUT
        let added = try v3.apply(.addStandard(domain: "2", text: "Equality and diversity."),
                                 used: QualityFrameworkCodes(versions: [v1, v2]))
        // validate
        #expect(added.entityID == "3/2.3")
    }

    @Test("a new domain gets the next number and its first standard")
    func newDomain() throws {
        var v2 = F.version1().nextDraft()
        let event = try v2.apply(.addDomain(name: "Developing a sustainable workforce", firstStandardText: "Mitigate attrition."),
                                 used: QualityFrameworkCodes(versions: [F.version1()]))
        #expect(event.action == "quality-framework.domain-add" && event.entityID == "2/3")
        #expect(v2.domain("3") == QualityFrameworkDomain(code: "3", name: "Developing a sustainable workforce",
                                                        standards: [QualityFrameworkStandard(code: "3.1", text: "Mitigate attrition.")]))
        #expect(v2.domain(containing: "3.1")?.code == "3")
        #expect(v2.problems == [])
    }

    @Test("renaming a domain is recorded with the name before and after")
    func renameDomain() throws {
        var v2 = F.version1().nextDraft()
        let event = try v2.apply(.renameDomain(code: "2", name: "Commitment to quality"), used: QualityFrameworkCodes())
        #expect(v2.domain("2")?.name == "Commitment to quality")
        #expect(event.before == ["name": "Educational governance and leadership"] && event.after == ["name": "Commitment to quality"])
    }

    @Test("refused edits name the field and change nothing",
          arguments: [
            (QualityFrameworkEdit.editStandard(code: "1.1", text: "   "), "text-1.1", "Enter the text"),
            (.editStandard(code: "1.1", text: String(repeating: "x", count: 2001)), "text-1.1", "The text must be 2000 characters or fewer"),
            (.editStandard(code: "7.7", text: "Text"), "text-7.7", "There is no standard 7.7 in this version"),
            (.addStandard(domain: "9", text: "Text"), "new-standard-9", "There is no domain 9 in this version"),
            (.addStandard(domain: "1", text: ""), "new-standard-1", "Enter the text"),
            (.addDomain(name: "learning environment AND culture", firstStandardText: "Text"), "new-domain-name",
             "Domain 1 already has the name Learning environment and culture"),
            (.addDomain(name: "New", firstStandardText: " "), "new-domain-standard", "Enter the text of its first standard"),
            (.renameDomain(code: "1", name: ""), "name-1", "Enter the name"),
            (.renameDomain(code: "1", name: "Educational governance and leadership"), "name-1",
             "Domain 2 already has the name Educational governance and leadership"),
            (.retireStandard(code: "1.9"), "retire-1.9", "There is no standard 1.9 in this version"),
          ])
    func refused(edit: QualityFrameworkEdit, field: String, message: String) {
        var draft = F.version1().nextDraft()
        #expect(throws: QualityFrameworkProblem(field: field, message)) {
            try draft.apply(edit, used: QualityFrameworkCodes(versions: [F.version1()]))
        }
        #expect(draft == F.version1().nextDraft())
    }

    @Test("the last standard of a domain cannot be retired")
    func lastStandard() throws {
        var draft = F.version1().nextDraft()
        _ = try draft.apply(.retireStandard(code: "2.1"), used: QualityFrameworkCodes())
        #expect(throws: QualityFrameworkProblem(field: "retire-2.2",
                    "Standard 2.2 is the last one in domain 2: a domain needs at least one standard")) {
            try draft.apply(.retireStandard(code: "2.2"), used: QualityFrameworkCodes())
        }
        #expect(draft.domain("2")?.standards.map(\.code) == ["2.2"])
    }

    @Test("publishing records the version, its day and its size")
    func publication() {
        let event = F.version1().publicationEvent(on: CalendarDay(year: 2026, month: 12, day: 1)!)
        #expect(event == AuditEvent(action: "quality-framework.publish", entityType: "quality-framework", entityID: "1",
                                    after: ["effectiveOn": "2026-12-01", "standards": "5"]))
    }
}

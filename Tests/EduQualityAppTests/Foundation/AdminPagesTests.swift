import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Administration pages")
struct AdminPagesTests {
    @Test("a bad organisation form is shown again with a message per field, and nothing is saved")
    func validation() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/organisations/new")
            let res = try await admin.post("/admin/organisations/new", form: ["code": "bad code", "name": " ", "type": "castle", "region": "MARS"])
            #expect(res.status == .badRequest)
            let body = res.body.string
            for message in ["Code may contain only letters", "Enter a name", "Select the type of organisation", "Select a region"] {
                #expect(body.contains(message))
            }
            #expect(body.contains("nhsuk-form-group--error"))
            #expect(try await Organisation.query(on: app.db).count() == 63)
        }
    }

    @Test("a duplicate code is refused")
    func duplicate() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/organisations/new")
            let res = try await admin.post("/admin/organisations/new", form: ["code": "T001", "name": "Copy", "type": "nhs-trust", "region": "LDN"])
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("already exists"))
        }
    }

    @Test("lists search and paginate")
    func searchAndPaginate() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let page1 = try await admin.get("/admin/organisations")
            #expect(page1.body.string.contains("Page 1 of 3, 63 in all"))
            let page3 = try await admin.get("/admin/organisations?page=3")
            #expect(page3.body.string.contains("Page 3 of 3"))
            let search = try await admin.get("/admin/organisations?q=mersey")
            #expect(search.body.string.contains("Mersey Bridge"))
            #expect(!search.body.string.contains("Thamesbank"))
            let sites = try await admin.get("/admin/sites?organisation=T001")
            #expect(sites.body.string.contains("T001-01"))
        }
    }

    @Test("an administrator makes an account, gives it a role, and its owner signs in", arguments: TestDatabase.all)
    func accounts(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/users/new")
            let bad = try await admin.post("/admin/users/new", form: ["email": "not-an-email", "name": "", "role": "regional-quality-team", "region": "ATLANTIS"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Enter the code of the region"))
            let res = try await admin.post("/admin/users/new", form: ["email": "New.Person@Example.org", "name": "New Person",
                                                                        "role": "regional-quality-team", "region": "NW"])
            #expect(res.status == .created)
            let body = res.body.string
            let marker = "<p class=\"eq-code\"><strong>"
            let password = String(body[body.range(of: marker)!.upperBound...].prefix { $0 != "<" })
            #expect(password.count == 16)
            let person = TestBrowser(app)
            try await person.signIn("new.person@example.org", password: password)
            let account = try await person.get("/account")
            #expect(account.body.string.contains("Regional quality team (NW)"))
        }
    }

    @Test("renaming a profession is audited and shows in the API")
    func vocabulary() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/reference/profession")
            let res = try await admin.post("/admin/reference/profession/other", form: ["name": "Other learner groups"])
            #expect(res.status == .seeOther)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/professions")
            #expect(api.body.string.contains("Other learner groups"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == "profession:other")
                .filter(\.$action == "term.update").count() == 1)
        }
    }
}

import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Quality Framework API and public page")
struct QualityFrameworkAPITests {
    /// The body as plain JSON, to check the pinned keys exactly.
    static func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
    }

    @Test("the current version answers the pinned shape, each standard with its regulator standards", arguments: TestDatabase.all)
    func pinnedShape(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // MUT
            let res = try await app.testing().sendRequest(.GET, "/api/v1/quality-framework")
            // validate
            #expect(res.status == .ok)
            let body = try Self.json(res)
            #expect(Set(body.keys) == ["version", "domains"] && body["version"] as? Int == 1)
            let domains = try #require(body["domains"] as? [[String: Any]])
            #expect(domains.map { $0["code"] as? String } == ["1", "2", "3", "4", "5", "6"])
            #expect(domains.allSatisfy { Set($0.keys) == ["code", "name", "standards"] })
            let standards = domains.flatMap { $0["standards"] as? [[String: Any]] ?? [] }
            #expect(standards.count == 27 && standards.allSatisfy { Set($0.keys) == ["code", "text", "crosswalk"] })
            let induction = try #require(standards.first { $0["code"] as? String == "3.4" })
            let matches = try #require(induction["crosswalk"] as? [[String: String]])
            #expect(matches == [["scheme": "gmc-promoting-excellence", "code": "R1.13",
                                 "text": "Theme 1: learners have an induction for each placement that sets out what they need to know."]])
            let safe = try #require(standards.first { $0["code"] as? String == "1.1" }?["crosswalk"] as? [[String: String]])
            #expect(Set(safe.map { $0["scheme"]! }) == ["gmc-promoting-excellence", "nmc-sssa"])
        }
    }

    @Test("an unknown version is a 404 problem, a malformed one a 400", arguments: TestDatabase.all)
    func badVersion(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let unknown = try await app.testing().sendRequest(.GET, "/api/v1/quality-framework?version=9")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers.contentType?.description.contains("problem+json") == true)
            #expect(unknown.body.string.contains("no published version 9"))
            for bad in ["abc", "0", "-1", "1.5"] {
                let res = try await app.testing().sendRequest(.GET, "/api/v1/quality-framework?version=\(bad)")
                #expect(res.status == .badRequest, "\(bad)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/quality-framework?version=9").status == .notFound)
        }
    }

    @Test("the public page lists every standard beside its regulator standards and is linked from every page")
    func publicPage() async throws {
        try await withTestApp(.sqlite) { app in
            let home = try await app.testing().sendRequest(.GET, "/")
            #expect(home.body.string.contains("href=\"/quality-framework\""))
            let page = try await app.testing().sendRequest(.GET, "/quality-framework")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Version 1, in effect from"))
            #expect(html.contains("Domain 6: Developing a sustainable workforce"))
            #expect(html.contains("GMC Promoting excellence: standards for medical education and training R1.13"))
            #expect(html.contains("NMC Standards for student supervision and assessment 2"))
            #expect(html.contains("No regulator standard is mapped to this standard."), "6.x has no mapping")
        }
    }

    @Test("the seeder stores version 1 once and the crosswalks as their files say; seeding again changes nothing",
          arguments: TestDatabase.all)
    func seedingTwice(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: the test app has seeded once
            let audit = try await AuditEntry.query(on: app.db).count()
            let links = try await CrosswalkLinkRecord.query(on: app.db).count()
            // MUT
            try await ReferenceDataSeeder(directory: app.config.seedDirectory).seedReference(on: app.db)
            // validate
            #expect(try await QualityFrameworkVersionRecord.query(on: app.db).count() == 1)
            #expect(try await CrosswalkSchemeRecord.query(on: app.db).sort(\.$position).all().map(\.scheme)
                    == ["gmc-promoting-excellence", "nmc-sssa"])
            let linksAfter = try await CrosswalkLinkRecord.query(on: app.db).count()
            #expect(links > 30 && linksAfter == links)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
            let crosswalk = try await CrosswalkStore.load(on: app.db)
            #expect(crosswalk.entries(for: "3.4").map(\.code) == ["R1.13"])
        }
    }

    @Test("the migration turns M001's standards into version 1, and back when reverted", arguments: TestDatabase.all)
    func migration(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: version 1 as seeded
            let seeded = try await QualityFrameworkStore.current(on: app.db)
            let migration = M017_CreateQualityFrameworkVersions()
            // MUT: back to M001's table, then forward again
            try await migration.revert(on: app.db)
            try await migration.prepare(on: app.db)
            // validate
            let migrated = try await QualityFrameworkStore.current(on: app.db)
            #expect(migrated == seeded)
            let info = try await QualityFrameworkStore.versions(on: app.db)
            #expect(info.map(\.number) == [1] && info[0].createdBy == "system:migration" && !info[0].isDraft)
        }
    }
}

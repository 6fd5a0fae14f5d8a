import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Reference data API")
struct ReferenceDataAPITests {
    struct Org: Decodable { let code, name, type, region: String }
    struct CodeName: Decodable { let code, name: String }

    @Test("organisations list every organisation with code, name, type and region", arguments: TestDatabase.all)
    func organisations(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // MUT
            let res = try await app.testing().sendRequest(.GET, "/api/v1/organisations")
            // validate
            #expect(res.status == .ok)
            let orgs = try JSONDecoder().decode([Org].self, from: Data(res.body.string.utf8))
            #expect(orgs.count == 63)
            #expect(Set(orgs.map(\.region)).count == 7)
            #expect(orgs.contains { $0.code == "T001" && $0.type == "nhs-trust" && $0.region == "LDN" })
        }
    }

    @Test("organisations filter by region and type", arguments: TestDatabase.all)
    func filters(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let res = try await app.testing().sendRequest(.GET, "/api/v1/organisations?region=NW&type=nhs-trust")
            let orgs = try JSONDecoder().decode([Org].self, from: Data(res.body.string.utf8))
            #expect(!orgs.isEmpty)
            #expect(orgs.allSatisfy { $0.region == "NW" && $0.type == "nhs-trust" })
        }
    }

    @Test("unknown filters are 400 problem JSON", arguments: ["/api/v1/organisations?region=ATLANTIS",
                                                               "/api/v1/organisations?type=planet"])
    func unknownFilters(path: String) async throws {
        try await withTestApp(.sqlite) { app in
            let res = try await app.testing().sendRequest(.GET, path)
            #expect(res.status == .badRequest)
            #expect(res.headers.contentType?.description.contains("problem+json") == true)
            #expect(res.body.string.contains("\"title\""))
        }
    }

    @Test("professions and regions answer code and name")
    func professionsAndRegions() async throws {
        try await withTestApp(.sqlite) { app in
            let p = try await app.testing().sendRequest(.GET, "/api/v1/professions")
            let professions = try JSONDecoder().decode([CodeName].self, from: Data(p.body.string.utf8))
            #expect(professions.first?.code == "medical-student")
            #expect(professions.contains { $0.code == "student-midwife" })
            let r = try await app.testing().sendRequest(.GET, "/api/v1/regions")
            let regions = try JSONDecoder().decode([CodeName].self, from: Data(r.body.string.utf8))
            #expect(Set(regions.map(\.name)) == ["London", "South East", "South West", "Midlands", "East of England",
                                                "North West", "North East and Yorkshire"])
        }
    }

    @Test("seeding twice changes nothing the second time", arguments: TestDatabase.all)
    func idempotentSeed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let before = try await AuditEntry.query(on: app.db).count()
            let seeder = ReferenceDataSeeder(directory: app.config.seedDirectory)
            try await seeder.seedReference(on: app.db)
            _ = try await seeder.seedOrganisations(file: "demo/organisations.json", on: app.db)
            #expect(try await AuditEntry.query(on: app.db).count() == before)
            #expect(try await Organisation.query(on: app.db).count() == 63)
        }
    }
}

import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Demo data")
struct DemoSeedTests {
    @Test("the demo covers every region and organisation type, with one account per role")
    func demo() async throws {
        try await withTestApp(.sqlite) { app in
            // MUT
            let password = try await DemoSeeder(app: app).seed()
            // validate
            #expect(try await Region.query(on: app.db).count() == 7)
            let orgs = try await Organisation.query(on: app.db).all()
            #expect(orgs.count >= 40)
            #expect(Set(orgs.map(\.type)) == Set(OrganisationType.allCases.map(\.rawValue)))
            #expect(Set(orgs.map(\.regionCode)).count == 7)
            #expect(try await Site.query(on: app.db).count() >= 100)
            let users = try await User.query(on: app.db).with(\.$roles).all()
            let roles = Set(users.flatMap { $0.roles.map(\.role) })
            #expect(roles == Set(Role.allCases.map(\.rawValue)))
            #expect(DemoSeeder.banner(password: password).contains(password))
        }
    }
}

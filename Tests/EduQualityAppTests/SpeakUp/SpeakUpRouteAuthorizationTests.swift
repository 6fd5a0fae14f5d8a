import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Every speak-up route walked for the public and every role (the foundation's route table leaves
/// `/speak-up` to this suite): the answer must be exactly what the domain rule says for T001, the
/// test accounts' organisation. A guardian of another organisation is refused T001's records.
@Suite("Speak-up routes × roles")
struct SpeakUpRouteAuthorizationTests {
    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        /// `:guardian` and `:case` stand for a T001 directory entry and case made for each request.
        let path: String
        let action: Action
        var testDescription: String { "\(method) \(path)" }
    }

    static let routes: [Route] = [
        Route(method: .GET, path: "/speak-up", action: .viewGuardianDirectory),
        Route(method: .GET, path: "/speak-up/guardians", action: .viewGuardianDirectory),
        Route(method: .GET, path: "/speak-up/guardians/manage", action: .manageGuardianDirectory),
        Route(method: .GET, path: "/speak-up/guardians/manage/new", action: .manageGuardianDirectory),
        Route(method: .POST, path: "/speak-up/guardians/manage/new", action: .manageGuardianDirectory),
        Route(method: .GET, path: "/speak-up/guardians/manage/:guardian", action: .manageGuardianDirectory),
        Route(method: .POST, path: "/speak-up/guardians/manage/:guardian", action: .manageGuardianDirectory),
        Route(method: .GET, path: "/speak-up/guardians/manage/:guardian/remove", action: .manageGuardianDirectory),
        Route(method: .POST, path: "/speak-up/guardians/manage/:guardian/remove", action: .manageGuardianDirectory),
        Route(method: .GET, path: "/speak-up/cases", action: .recordSpeakUpCase),
        Route(method: .GET, path: "/speak-up/cases/T001", action: .recordSpeakUpCase),
        Route(method: .GET, path: "/speak-up/cases/T001/new", action: .recordSpeakUpCase),
        Route(method: .POST, path: "/speak-up/cases/T001/new", action: .recordSpeakUpCase),
        Route(method: .GET, path: "/speak-up/cases/T001/:case", action: .recordSpeakUpCase),
        Route(method: .POST, path: "/speak-up/cases/T001/:case", action: .recordSpeakUpCase),
        Route(method: .GET, path: "/speak-up/returns", action: .exportSpeakUpReturn),
        Route(method: .GET, path: "/speak-up/returns.csv", action: .exportSpeakUpReturn),
    ]

    static let t001 = Resource.located(Location(region: "LDN", organisation: "T001"))

    static func pattern(_ path: String) -> String {
        path.replacingOccurrences(of: ":guardian", with: ":id").replacingOccurrences(of: "T001/:case", with: ":organisation/:id")
            .replacingOccurrences(of: "T001", with: ":organisation")
    }

    @Test("every speak-up route of the application is walked here")
    func everyRouteListed() async throws {
        try await withTestApp(.sqlite) { app in
            let listed = Set(Self.routes.map { "\($0.method) \(Self.pattern($0.path))" })
            let registered = app.routes.all.map { "\($0.method) /" + $0.path.map(\.description).joined(separator: "/") }
                .filter { $0.contains(" /speak-up") }
            #expect(Set(registered) == listed)
        }
    }

    @Test("the public and each role get exactly what the rule allows at T001", arguments: routes)
    func walk(route: Route) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            var visitors: [(String, TestBrowser, Bool)] = [("public", TestBrowser(app), route.action.isPublic)]
            for role in Role.allCases {
                let actor = try await User.query(on: app.db).filter(\.$email == TestAccounts.email(role)).with(\.$roles).first()!.actor
                visitors.append((role.rawValue, try await TestAccounts.browser(app, as: role),
                                 Authorization.isAllowed(actor, route.action, Self.t001)))
            }
            for (who, browser, allowed) in visitors {
                // fresh records for each visitor: an earlier one may have removed them
                let guardian = try await SpeakUpWebFixtures.guardian(app)
                let speakUpCase = try await SpeakUpWebFixtures.speakUpCase(app)
                let path = route.path.replacingOccurrences(of: ":guardian", with: guardian.uuidString)
                    .replacingOccurrences(of: ":case", with: speakUpCase.id!.uuidString)
                let status = try await Self.request(browser, route.method, path)
                if allowed {
                    #expect(status != 401 && status != 403 && status < 500, "\(who) \(route.method) \(path) → \(status)")
                } else {
                    #expect(status == (who == "public" ? 401 : 403), "\(who) \(route.method) \(path) → \(status)")
                }
            }
        }
    }

    @Test("a guardian of another organisation can neither read nor change T001's records", arguments: TestDatabase.all)
    func otherOrganisation(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let guardian = try await SpeakUpWebFixtures.guardian(app)
            let speakUpCase = try await SpeakUpWebFixtures.speakUpCase(app)
            let other = try await SpeakUpWebFixtures.otherGuardian(app)
            let caseID = speakUpCase.id!.uuidString
            for path in ["/speak-up/cases/T001", "/speak-up/cases/T001/new", "/speak-up/cases/T001/\(caseID)",
                         "/speak-up/guardians/manage/\(guardian.uuidString)", "/speak-up/guardians/manage/\(guardian.uuidString)/remove",
                         "/speak-up/returns?organisation=T001", "/speak-up/returns.csv?organisation=T001"] {
                let res = try await other.get(path)
                #expect(res.status == .forbidden, "GET \(path) → \(res.status)")
                #expect(!res.body.string.contains("SECRET OUTCOME TEXT"))
            }
            // the same case asked for under the other guardian's own organisation is not there
            #expect(try await other.get("/speak-up/cases/T002/\(caseID)").status == .notFound)
            try await other.get("/speak-up/cases/T002")
            for path in ["/speak-up/cases/T001/new", "/speak-up/cases/T001/\(caseID)", "/speak-up/guardians/manage/\(guardian.uuidString)",
                         "/speak-up/guardians/manage/\(guardian.uuidString)/remove"] {
                let res = try await other.post(path, pairs: SpeakUpWebFixtures.caseForm())
                #expect(res.status == .forbidden, "POST \(path) → \(res.status)")
            }
            // nor list a guardian under T001
            let add = try await other.post("/speak-up/guardians/manage/new", form: [
                "name": "Intruder", "organisation": "T001", "email": "intruder@example.org"])
            #expect(add.status == .forbidden)
            #expect(try await SpeakUpCaseRecord.query(on: app.db).count() == 1)
            #expect(try await GuardianDirectoryRecord.query(on: app.db).count() == 1)
            // their own pages work, and show none of T001's cases
            let choose = try await other.get("/speak-up/cases")
            #expect(choose.status == .seeOther)
            #expect(choose.headers.first(name: .location) == "/speak-up/cases/T002")
            let csv = try await other.get("/speak-up/returns.csv?quarter=2026-27%20Q1")
            #expect(csv.status == .ok)
            #expect(!csv.body.string.contains("T001"))
            #expect(csv.body.string.contains("T002,2026-27 Q1,0,"))
        }
    }
}

extension SpeakUpRouteAuthorizationTests {
    static func request(_ b: TestBrowser, _ method: HTTPMethod, _ path: String) async throws -> UInt {
        if method == .GET { return try await b.get(path).status.code }
        try await b.get("/login")
        return try await b.post(path, form: [:]).status.code
    }
}

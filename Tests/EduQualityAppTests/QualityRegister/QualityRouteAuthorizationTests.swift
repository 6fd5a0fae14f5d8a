import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Every route of the register and the ISF, walked for the public and every role against the
/// domain rule, on an entry and a subject at T001 (London).
@Suite("Register and ISF routes × roles")
struct QualityRouteAuthorizationTests {
    static let atT001 = Resource.located(Location(region: "LDN", organisation: "T001"))

    static let routes: [RouteAuthorizationTests.Route] = [
        .init(method: .GET, path: "/register", action: .viewQualityRegister, resource: atT001),
        .init(method: .GET, path: "/register.csv", action: .viewQualityRegister, resource: atT001),
        .init(method: .GET, path: "/register/new", action: .editQualityRegister, resource: atT001),
        .init(method: .POST, path: "/register/new", action: .editQualityRegister, resource: atT001),
        .init(method: .GET, path: "/register/QR-00001", action: .viewQualityRegister, resource: atT001),
        .init(method: .POST, path: "/register/QR-00001/change", action: .editQualityRegister, resource: atT001),
        .init(method: .POST, path: "/register/QR-00001/actions", action: .editQualityRegister, resource: atT001),
        .init(method: .POST, path: "/register/QR-00001/actions/1/complete", action: .editQualityRegister, resource: atT001),
        .init(method: .POST, path: "/register/QR-00001/sources", action: .editQualityRegister, resource: atT001),
        .init(method: .GET, path: "/api/v1/register", action: .viewQualityRegister, resource: atT001),
        .init(method: .POST, path: "/api/v1/register", action: .editQualityRegister, resource: atT001),
        .init(method: .GET, path: "/api/v1/register/QR-00001", action: .viewQualityRegister, resource: atT001),
        .init(method: .PATCH, path: "/api/v1/register/QR-00001", action: .editQualityRegister, resource: atT001),
        .init(method: .GET, path: "/isf", action: .viewQualityRegister, resource: atT001),
        .init(method: .GET, path: "/isf/subject?kind=organisation&code=T001", action: .viewQualityRegister, resource: atT001),
        .init(method: .POST, path: "/isf/subject/decide?kind=organisation&code=T001", action: .decideIntensiveSupport, resource: atT001),
        .init(method: .POST, path: "/isf/subject/ratify?kind=organisation&code=T001", action: .decideIntensiveSupport, resource: atT001),
        .init(method: .POST, path: "/isf/subject/suspend?kind=organisation&code=T001", action: .decideIntensiveSupport, resource: atT001),
        .init(method: .GET, path: "/api/v1/isf/current", action: .viewQualityRegister, resource: atT001),
        .init(method: .GET, path: "/api/v1/isf/history?kind=organisation&code=T001", action: .viewQualityRegister, resource: atT001),
        .init(method: .POST, path: "/api/v1/isf/decisions", action: .decideIntensiveSupport, resource: atT001),
        .init(method: .GET, path: "/admin/isf-categories", action: .manageIntensiveSupportCategories),
        .init(method: .POST, path: "/admin/isf-categories/1", action: .manageIntensiveSupportCategories),
    ]

    @Test("each role gets exactly what the authorisation rule allows", arguments: routes)
    func walk(route: RouteAuthorizationTests.Route) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            let entry = try await QualityRegisterWebTests.open(national)
            #expect(try await national.postJSON("/api/v1/isf/decisions", json: IntensiveSupportWebTests.decision(evidence: entry)).status == .created)
            try await RouteWalk.expectEveryRole(app, route)
        }
    }
}

import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Every impact assessment route, walked for the public and every role against the domain rule, on
/// a submitted assessment of T001 (London), commissioned by Q006.
@Suite("Impact assessment routes × roles")
struct ImpactAssessmentRouteAuthorizationTests {
    static let atT001 = Resource.located(Location(region: "LDN", organisation: "T001"))
    static let a = "/quality/impact-assessments/IA-00001"

    static var routes: [RouteAuthorizationTests.Route] {[
        .init(method: .GET, path: "/quality/impact-assessments", action: .viewImpactAssessments, resource: atT001),
        .init(method: .GET, path: "/quality/impact-assessments.csv", action: .viewImpactAssessments, resource: atT001),
        .init(method: .GET, path: "/quality/impact-assessments/new", action: .submitImpactAssessment, resource: atT001),
        .init(method: .POST, path: "/quality/impact-assessments/new", action: .submitImpactAssessment, resource: atT001),
        .init(method: .GET, path: a, action: .viewImpactAssessments, resource: atT001),
        .init(method: .GET, path: a + "/edit", action: .submitImpactAssessment, resource: atT001),
        .init(method: .POST, path: a + "/edit", action: .submitImpactAssessment, resource: atT001),
        .init(method: .POST, path: a + "/submit", action: .submitImpactAssessment, resource: atT001),
        .init(method: .POST, path: a + "/review", action: .manageImpactAssessments, resource: atT001),
        .init(method: .POST, path: a + "/decision", action: .decideImpactAssessment, resource: atT001),
        .init(method: .POST, path: a + "/conditions/1/met", action: .manageImpactAssessments, resource: atT001),
        .init(method: .POST, path: a + "/comments", action: .viewImpactAssessments, resource: atT001),
        .init(method: .POST, path: a + "/withdraw", action: .submitImpactAssessment, resource: atT001),
        .init(method: .GET, path: "/api/v1/impact-assessments", action: .viewImpactAssessments, resource: atT001),
        .init(method: .POST, path: "/api/v1/impact-assessments", action: .submitImpactAssessment, resource: atT001),
        .init(method: .GET, path: "/api/v1/impact-assessments/IA-00001", action: .viewImpactAssessments, resource: atT001),
        .init(method: .POST, path: "/api/v1/impact-assessments/IA-00001/decision", action: .decideImpactAssessment, resource: atT001),
        .init(method: .GET, path: "/admin/impact-assessment-form", action: .manageReferenceData),
        .init(method: .POST, path: "/admin/impact-assessment-form/sections", action: .manageReferenceData),
        .init(method: .POST, path: "/admin/impact-assessment-form/levels", action: .manageReferenceData),
        .init(method: .POST, path: "/admin/impact-assessment-form/levels/low/remove", action: .manageReferenceData),
    ]}

    @Test("each role gets exactly what the authorisation rule allows", arguments: routes)
    func walk(route: RouteAuthorizationTests.Route) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let created = try await lead.postJSON("/api/v1/impact-assessments", json: ImpactAssessmentsWebTests.body(submit: true))
            #expect(created.status == .created, "\(created.body.string)")
            try await RouteWalk.expectEveryRole(app, route)
        }
    }
}

import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Every self-assessment route, walked for the public and every role against the domain rule, on
/// T001's (London) submitted assessment of this year.
@Suite("Self-assessment routes × roles")
struct SelfAssessmentRouteAuthorizationTests {
    static let atT001 = Resource.located(Location(region: "LDN", organisation: "T001"))
    static var y: String { SelfAssessmentWebTests.year.label }

    static var routes: [RouteAuthorizationTests.Route] {[
        .init(method: .GET, path: "/quality/self-assessment", action: .viewSelfAssessments, resource: atT001),
        .init(method: .GET, path: "/quality/self-assessment/national", action: .viewSelfAssessments),
        .init(method: .GET, path: "/quality/self-assessment/national.csv", action: .viewSelfAssessments),
        .init(method: .GET, path: "/quality/self-assessment/windows", action: .manageSelfAssessmentWindows),
        .init(method: .POST, path: "/quality/self-assessment/windows", action: .manageSelfAssessmentWindows),
        .init(method: .GET, path: "/quality/self-assessment/windows/\(y)", action: .manageSelfAssessmentWindows),
        .init(method: .POST, path: "/quality/self-assessment/windows/\(y)", action: .manageSelfAssessmentWindows),
        .init(method: .GET, path: "/quality/self-assessment/\(y)/T001", action: .viewSelfAssessments, resource: atT001),
        .init(method: .POST, path: "/quality/self-assessment/\(y)/T001", action: .completeSelfAssessment, resource: atT001),
        .init(method: .GET, path: "/quality/self-assessment/\(y)/T001/review", action: .reviewSelfAssessment, resource: atT001),
        .init(method: .POST, path: "/quality/self-assessment/\(y)/T001/review", action: .reviewSelfAssessment, resource: atT001),
        .init(method: .POST, path: "/quality/self-assessment/\(y)/T001/return", action: .reviewSelfAssessment, resource: atT001),
        .init(method: .GET, path: "/api/v1/self-assessments/windows", action: .viewSelfAssessments, resource: atT001),
        .init(method: .POST, path: "/api/v1/self-assessments/windows", action: .manageSelfAssessmentWindows),
        .init(method: .PATCH, path: "/api/v1/self-assessments/windows/\(y)", action: .manageSelfAssessmentWindows),
        .init(method: .GET, path: "/api/v1/self-assessments", action: .viewSelfAssessments, resource: atT001),
        .init(method: .GET, path: "/api/v1/self-assessments/national", action: .viewSelfAssessments),
        .init(method: .GET, path: "/api/v1/self-assessments/\(y)/T001", action: .viewSelfAssessments, resource: atT001),
        .init(method: .PATCH, path: "/api/v1/self-assessments/\(y)/T001", action: .completeSelfAssessment, resource: atT001),
        .init(method: .POST, path: "/api/v1/self-assessments/\(y)/T001/submit", action: .completeSelfAssessment, resource: atT001),
        .init(method: .POST, path: "/api/v1/self-assessments/\(y)/T001/reviews", action: .reviewSelfAssessment, resource: atT001),
        .init(method: .POST, path: "/api/v1/self-assessments/\(y)/T001/return", action: .reviewSelfAssessment, resource: atT001),
    ]}

    @Test("each role gets exactly what the authorisation rule allows", arguments: routes)
    func walk(route: RouteAuthorizationTests.Route) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await SelfAssessmentWebTests.openWindow(app)
            _ = try await SelfAssessmentWebTests.submitted(app)
            try await RouteWalk.expectEveryRole(app, route)
        }
    }
}

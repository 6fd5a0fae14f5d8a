import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Every staff route of the reviews, walked for the public and every role against the domain
/// rule, on a review at T001 (London) whose panel the test reviewer sits on.
@Suite("Review routes × roles")
struct ReviewRouteAuthorizationTests {
    static func routes(_ review: Resource, requirement: String) -> [RouteAuthorizationTests.Route] {
        let provider = Resource.located(Location(region: "LDN", organisation: "T001"))
        return [
            .init(method: .POST, path: "/api/v1/reviews", action: .manageReviews, resource: review),
            .init(method: .GET, path: "/api/v1/reviews", action: .viewReviews, resource: review),
            .init(method: .GET, path: "/api/v1/reviews/RV-00001", action: .viewReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/status", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/panel", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/evidence", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/met", action: .recordReviewFindings, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/requirements", action: .recordReviewFindings, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/report/transition", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/report/corrections", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/report/comments/1/outcome", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/report/comments", action: .respondToReview, resource: provider),
            .init(method: .POST, path: "/api/v1/reviews/RV-00001/report/done", action: .respondToReview, resource: provider),
            .init(method: .POST, path: "/api/v1/requirements/\(requirement)/updates", action: .respondToReview, resource: provider),
            .init(method: .POST, path: "/api/v1/requirements/\(requirement)/decision", action: .manageReviews, resource: review),
        ]
    }

    /// The staff pages: reading through the review or as its provider; each change by its rule.
    static func pages(_ review: Resource, requirement: String) -> [RouteAuthorizationTests.Route] {
        let provider = Resource.located(Location(region: "LDN", organisation: "T001"))
        let read = RouteAuthorizationTests.Alternative(action: .respondToReview, resource: provider)
        let base = "/quality/reviews/RV-00001"
        return [
            .init(method: .GET, path: "/quality/reviews", action: .viewReviews, resource: review, orElse: read),
            .init(method: .GET, path: base, action: .viewReviews, resource: review, orElse: read),
            .init(method: .GET, path: "/quality/requirements", action: .viewReviews, resource: review, orElse: read),
            .init(method: .GET, path: "/quality/requirements.csv", action: .viewReviews, resource: review, orElse: read),
            .init(method: .GET, path: "/quality/requirements/\(requirement)", action: .viewReviews, resource: review, orElse: read),
            .init(method: .GET, path: "/quality/reviews/new", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/quality/reviews/new", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/panel", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/panel/5/remove", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/evidence", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/met", action: .recordReviewFindings, resource: review),
            .init(method: .POST, path: base + "/grades", action: .recordReviewFindings, resource: review),
            .init(method: .POST, path: base + "/requirements", action: .recordReviewFindings, resource: review),
            .init(method: .POST, path: base + "/report", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/report/transition", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/report/comments/1/outcome", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/report/corrections", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/report/comments", action: .respondToReview, resource: provider),
            .init(method: .POST, path: base + "/report/done", action: .respondToReview, resource: provider),
            .init(method: .POST, path: "/quality/requirements/\(requirement)/updates", action: .respondToReview, resource: provider),
            .init(method: .POST, path: "/quality/requirements/\(requirement)/decision", action: .manageReviews, resource: review),
            .init(method: .POST, path: "/quality/requirements/\(requirement)/register", action: .manageReviews, resource: review),
            .init(method: .POST, path: base + "/status", action: .manageReviews, resource: review),
        ]
    }

    @Test("each role gets exactly what the authorisation rule allows")
    func walk() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let visit = CalendarDay.today().adding(days: -3).iso
            #expect(try await team.postJSON("/api/v1/reviews", json: "{\"type\":\"programme\",\"organisation\":\"T001\",\"plannedOn\":\"\(visit)\"}").status == .created)
            _ = try await team.postJSON("/api/v1/reviews/RV-00001/panel", json: "{\"name\":\"Robin\",\"role\":\"lead\",\"account\":\"\(TestAccounts.email(.reviewer))\"}")
            _ = try await team.postJSON("/api/v1/reviews/RV-00001/status", json: #"{"to":"evidence-gathering"}"#)
            _ = try await team.postJSON("/api/v1/reviews/RV-00001/status", json: #"{"to":"visited"}"#)
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            let created = try await team.postJSON("/api/v1/reviews/RV-00001/requirements",
                                                  json: "{\"kind\":\"mandatory\",\"text\":\"Teaching\",\"standards\":[\"\(standard)\"]}")
            #expect(created.status == .created)
            let reviewer = try #require(try await User.query(on: app.db).filter(\.$email == TestAccounts.email(.reviewer)).first()?.id)
            let resource = Resource.review(Location(region: "LDN", organisation: "T001"), panel: [reviewer.uuidString])
            for route in Self.routes(resource, requirement: "RV-00001-MR1") + Self.pages(resource, requirement: "RV-00001-MR1") {
                try await RouteWalk.expectEveryRole(app, route)
            }
        }
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// The Emerging Concerns protocol's API (a session or an API token): `GET /api/v1/signatories`;
/// `POST /api/v1/emerging-concerns`, `GET /api/v1/emerging-concerns` (only those shared with the
/// caller), `GET /api/v1/emerging-concerns/REFERENCE` (404 to anyone it is not shared with),
/// `POST …/REFERENCE/share` `{add:[code]}`, `POST …/REFERENCE/panels` `{date, invite:[code]}` and
/// `GET …/REFERENCE/access-log`. Every view and change is written to the access log.
struct EmergingConcernsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("signatories", use: signatories)
        let concerns = api.grouped("emerging-concerns")
        concerns.post(use: create)
        concerns.get(use: list)
        concerns.get(":reference", use: show)
        concerns.post(":reference", "share", use: share)
        concerns.post(":reference", "panels", use: requestPanel)
        concerns.get(":reference", "access-log", use: accessLog)
    }

    struct Named: Content { let code, name: String }

    @Sendable func signatories(req: Request) async throws -> [Named] {
        req.signatories.all.map { Named(code: $0.code, name: $0.name) }
    }

    struct AboutBody: Content { var organisation, setting, group, individual, lawfulBasis: String?; var personalData: Bool? }
    struct NewBody: Content {
        var about: AboutBody?
        var type, summary, risk: String?
        var sources, shareWith: [String]?
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.raiseEmergingConcern)
        let body = try req.content.decode(NewBody.self)
        let form = NewEmergingConcernForm(
            organisation: body.about?.organisation, setting: body.about?.setting, group: body.about?.group,
            individual: body.about?.individual, personalData: body.about?.personalData ?? false, lawfulBasis: body.about?.lawfulBasis,
            type: body.type, summary: body.summary, risk: body.risk, sources: body.sources ?? [], shareWith: body.shareWith ?? [])
        let concern = try await EmergingConcernStore.raise(form, req)
        let found = try await EmergingConcernStore.find(concern.reference, allowing: .viewEmergingConcerns, req)
        return try await EmergingConcernDTO.concern(found).encodeResponse(status: .created, for: req)
    }

    struct ConcernList: Content { let items: [EmergingConcernDTO.Concern]; let total: Int; let page: Int }

    @Sendable func list(req: Request) async throws -> ConcernList {
        let (page, number, total) = try await EmergingConcernStore.listed(req)
        return ConcernList(items: page.map(EmergingConcernDTO.concern), total: total, page: number)
    }

    @Sendable func show(req: Request) async throws -> EmergingConcernDTO.Concern {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .viewEmergingConcerns, req)
        try await EmergingConcernStore.log(found.concern.reference, .viewed, "viewed the concern", req)
        return EmergingConcernDTO.concern(found)
    }

    struct ShareBody: Content { var add: [String]? }

    @Sendable func share(req: Request) async throws -> EmergingConcernDTO.Concern {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .raiseEmergingConcern, req)
        let add = try req.content.decode(ShareBody.self).add ?? []
        try await EmergingConcernIntake.share(found, add: add, req)
        return EmergingConcernDTO.concern(try await EmergingConcernStore.find(found.concern.reference, allowing: .viewEmergingConcerns, req))
    }

    struct PanelBody: Content { var date: String?; var invite: [String]? }

    @Sendable func requestPanel(req: Request) async throws -> Response {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .raiseEmergingConcern, req)
        let body = try req.content.decode(PanelBody.self)
        let panel = try await EmergingConcernIntake.requestPanel(found, date: body.date, invite: body.invite ?? [], req)
        return try await EmergingConcernDTO.panel(panel).encodeResponse(status: .created, for: req)
    }

    struct LogList: Content { let items: [EmergingConcernDTO.LogLine]; let total: Int }

    @Sendable func accessLog(req: Request) async throws -> LogList {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .viewEmergingConcerns, req)
        try await EmergingConcernStore.log(found.concern.reference, .viewed, "read the access log", req)
        let log = try await EmergingConcernStore.accessLog(of: found, req)
        return LogList(items: log.map(EmergingConcernDTO.line), total: log.count)
    }
}

/// What the pages and the API share when they change a concern.
enum EmergingConcernIntake {
    static func share(_ found: EmergingConcernStore.Found, add: [String], _ req: Request) async throws {
        guard let by = req.signatory else { throw AppError.forbidden }
        var concern = found.concern
        let before = concern.sharedWith
        let change = try concern.share(add: add, by: by, signatories: req.signatories)
        let added = concern.sharedWith.subtracting(before).sorted()
        try await EmergingConcernStore.save(found, concern, panels: found.panels, change,
                                            what: "shared the concern with \(added.joined(separator: ", "))", notify: added, req)
    }

    static func requestPanel(_ found: EmergingConcernStore.Found, date: String?, invite: [String], _ req: Request) async throws -> RegulatoryReviewPanel {
        guard let by = req.signatory, let user = req.signedIn?.user.id?.uuidString else { throw AppError.forbidden }
        let (panel, change) = try RegulatoryReviewPanel.request(on: found.concern, by: by, user: user, date: date, invite: invite,
                                                                existing: found.panels.count, signatories: req.signatories, today: .today())
        try await EmergingConcernStore.save(found, found.concern, panels: found.panels + [panel], change,
                                            what: "requested panel \(panel.reference)", panelNotice: panel, req)
        return panel
    }
}

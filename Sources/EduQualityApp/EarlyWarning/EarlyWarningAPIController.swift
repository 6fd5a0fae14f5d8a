import EduQualityDomain
import Vapor

/// The early-warning API (a session or an API token): `GET /api/v1/early-warning/ORGANISATION`
/// and `GET /api/v1/early-warning?region=R`, the region's organisations with a signal, strongest
/// first (dismissed ones listed apart).
struct EarlyWarningAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "early-warning")
        api.get(use: region)
        api.get(":organisation", use: organisation)
    }

    @Sendable func organisation(req: Request) async throws -> EarlyWarningDTO.Organisation {
        EarlyWarningDTO.organisation(try await EarlyWarningStore.organisation(req.parameters.get("organisation") ?? "", req))
    }

    @Sendable func region(req: Request) async throws -> EarlyWarningDTO.RegionList {
        try req.authorizeAnywhere(.viewEarlyWarning)
        guard let code = FormProblems.clean(req.query[String.self, at: "region"]) else {
            throw InvalidForm(field: "region", "Give the region, as ?region=CODE.")
        }
        let (open, dismissed) = EarlyWarningStore.signals(try await EarlyWarningStore.region(code, req))
        return EarlyWarningDTO.RegionList(region: code.uppercased(), items: open.map(EarlyWarningDTO.listed), total: open.count,
                                          dismissed: dismissed.map(EarlyWarningDTO.listed))
    }
}

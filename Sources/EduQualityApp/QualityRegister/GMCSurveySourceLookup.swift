import EduQualityDomain
import Fluent
import Vapor

/// GMC national training survey results as register sources: a result can be linked once it is
/// imported and the visitor may read its organisation's results; it reads as stored.
enum GMCSurveySourceLookup {
    static func exists(_ source: RegisterSource, _ req: Request) async throws -> Bool {
        try await visibleResult(source, req) != nil
    }

    static func summary(_ source: RegisterSource, _ req: Request) async throws -> String {
        guard let result = try await GMCSurveyStore.result(reference: source.reference, on: req.db) else {
            return "GMC national training survey \(source.reference) (no longer held)"
        }
        let names = try await ReportNames.load(req.db, engine: nil)
        let place = [names.name(result.organisation, .organisation), result.site.map { names.name($0, .site) },
                     names.name(result.specialty, .specialty)].compactMap { $0 }.joined(separator: ", ")
        return "\(result.year), \(place), \(result.indicator): score \(result.score), flag \(result.flag.rawValue)"
    }

    private static func visibleResult(_ source: RegisterSource, _ req: Request) async throws -> GMCSurveyResult? {
        guard let result = try await GMCSurveyStore.result(reference: source.reference, on: req.db),
              let organisation = try await Organisation.query(on: req.db).filter(\.$code == result.organisation).first(),
              Authorization.isAllowed(req.actor, .viewGMCSurvey, .located(Location(region: organisation.regionCode,
                                                                                   organisation: organisation.code)))
        else { return nil }
        return result
    }
}

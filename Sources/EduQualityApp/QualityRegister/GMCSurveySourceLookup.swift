import EduQualityDomain
import Vapor

/// GMC national training survey results as register sources. Results are imported by the GMC
/// survey service; until a result with the reference is stored, it cannot be linked.
enum GMCSurveySourceLookup {
    static func exists(_ source: RegisterSource, _ req: Request) async throws -> Bool { false }

    static func summary(_ source: RegisterSource, _ req: Request) async throws -> String {
        "GMC national training survey result \(source.reference) (not imported)"
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// What the pages and the API share when they write to the register: the domain's validation,
/// then the checks only the database can make (the visitor may write at that organisation, the
/// sources exist and may be linked by them, the owner may own an entry there).
enum RegisterIntake {
    enum Outcome {
        case opened(RegisterEntry)
        case invalid([FieldError])
    }

    static func open(_ form: NewRegisterEntryForm, _ req: Request) async throws -> Outcome {
        let draft: RegisterEntryDraft
        do {
            draft = try form.validated(against: try await RegisterVocabulary.load(req.db), today: .today())
        } catch let invalid as InvalidForm {
            return .invalid(invalid.fieldErrors)
        }
        let location = Location(region: draft.region, organisation: draft.organisation, site: draft.site)
        guard Authorization.isAllowed(req.actor, .editQualityRegister, .located(location)) else {
            return .invalid([FieldError("organisation", "You cannot open register entries for organisation \(draft.organisation).")])
        }
        let problems = try await RegisterSources.problems(draft.sources, req)
        if !problems.isEmpty { return .invalid(problems) }
        guard let owner = req.signedIn?.user.id?.uuidString else { throw AppError.unauthorised }
        return .opened(try await RegisterStore.open(draft, owner: owner, req))
    }

    /// Applies a change; the owner may be given as a user id (the page) or an email address (the API).
    static func change(_ entry: inout RegisterEntry, _ update: RegisterEntryUpdate, _ req: Request) async throws -> RegisterChange {
        var update = update
        if let typed = FormProblems.clean(update.owner) {
            let eligible = try await RegisterOwners.eligible(at: entry.location, on: req.db)
            guard let owner = eligible.first(where: { $0.id?.uuidString == typed || $0.email.lowercased() == typed.lowercased() }) else {
                throw InvalidForm(field: "owner", "The owner must be a member of a quality team that covers \(entry.organisation).")
            }
            update.owner = owner.id?.uuidString
        }
        let names = try await RegisterOwners.names(on: req.db)
        return try entry.apply(update, by: req.auditActor, on: .today(), bands: req.riskBands) { names[$0] ?? $0 }
    }

    static func link(_ entry: inout RegisterEntry, kind: String?, reference: String?, _ req: Request) async throws -> RegisterChange {
        guard let kind = FormProblems.clean(kind).flatMap(RegisterSourceKind.init(rawValue:)) else {
            throw InvalidForm(field: "newSourceKind", "Choose what kind of source to link.")
        }
        let source: RegisterSource
        do { source = try RegisterSource(kind: kind, reference: reference ?? "") } catch {
            throw InvalidForm(field: "newSourceReference", error.description)
        }
        guard try await RegisterSources.exists(source, req) else {
            throw InvalidForm(field: "newSourceReference", "There is no \(kind.displayName.lowercased()) \(source.reference) you can link.")
        }
        guard let change = entry.link(source) else {
            throw InvalidForm(field: "newSourceReference", "This source is already linked.")
        }
        return change
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// Survey rounds and their questionnaires, read-only and public. Pinned shapes:
/// `GET /api/v1/survey/rounds` and `GET /api/v1/survey/rounds/CODE/questionnaire` →
/// `{round, version, themes:[{code,name,items:[{code,text,scale,reverse,allowsNA,professions}]}], freeText:[{code,text}]}`.
struct SurveyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "survey", "rounds")
        api.get(use: rounds)
        api.get(":code", "questionnaire", use: questionnaire)
    }

    struct RoundDTO: Content {
        let code, opens, closes, state: String
        let questionnaire: String?
        /// Whether the round's figures are public (a national lead published it once it closed).
        let published: Bool
        let publishedOn: String?
    }

    @Sendable func rounds(req: Request) async throws -> [RoundDTO] {
        try req.authorize(.viewPublicInformation)
        let today = CalendarDay.today()
        let publications = try await SurveyRoundVersionRecord.query(on: req.db).sort(\.$number).all()
        let publishedOn = Dictionary(publications.map { ($0.roundCode, $0.madeOn) }, uniquingKeysWith: { first, _ in first })
        return try await req.surveyCatalog.allRounds().map { _, r in
            RoundDTO(code: r.code.rawValue, opens: r.opens.iso, closes: r.closes.iso, state: r.state(on: today).rawValue,
                     questionnaire: r.questionnaireVersion, published: publishedOn[r.code.rawValue] != nil,
                     publishedOn: publishedOn[r.code.rawValue])
        }
    }

    struct ItemDTO: Content {
        let code, text: String
        let scale: [String]
        let reverse, allowsNA: Bool
        let professions: [String]?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(text, forKey: .text)
            try c.encode(scale, forKey: .scale)
            try c.encode(reverse, forKey: .reverse)
            try c.encode(allowsNA, forKey: .allowsNA)
            try c.encode(professions, forKey: .professions)  // null when shown to everyone
        }
    }
    struct ThemeDTO: Content { let code, name: String; let items: [ItemDTO] }
    struct FreeTextDTO: Content { let code, text, kind: String }
    struct QuestionnaireDTO: Content {
        let round, version, title: String
        let themes: [ThemeDTO]
        let freeText: [FreeTextDTO]
    }

    @Sendable func questionnaire(req: Request) async throws -> QuestionnaireDTO {
        try req.authorize(.viewPublicInformation)
        let code = req.parameters.get("code") ?? ""
        guard let round = try await req.surveyCatalog.round(code) else {
            throw AppError.notFound("No survey round has the code \(code)")
        }
        guard let q = try await req.surveyCatalog.questionnaire(for: round) else {
            throw AppError.notFound("Round \(round.code) has no questionnaire attached yet")
        }
        return Self.dto(q, round: round.code.rawValue)
    }

    static func dto(_ q: Questionnaire, round: String) -> QuestionnaireDTO {
        QuestionnaireDTO(
            round: round, version: q.version, title: q.title,
            themes: q.themes.map { t in
                ThemeDTO(code: t.code, name: t.name, items: t.items.map {
                    ItemDTO(code: $0.code, text: $0.text, scale: $0.scale.labels, reverse: $0.isReverseKeyed,
                            allowsNA: $0.allowsNotApplicable, professions: $0.professions)
                })
            },
            freeText: q.freeTextQuestions.map { FreeTextDTO(code: $0.code, text: $0.text, kind: $0.kind.rawValue) })
    }
}

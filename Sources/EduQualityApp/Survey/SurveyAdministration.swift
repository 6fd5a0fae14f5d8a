import EduQualityDomain
import Fluent
import Vapor

/// Creating rounds and questionnaire versions, for the command line and the admin pages alike.
/// Rules are the domain's; this adds the checks against what is stored (duplicates, unknown
/// versions) and writes with the audit events.
struct SurveyAdministration {
    let db: any Database
    let cache: QuestionnaireCache
    let actor: String

    /// Stores a new questionnaire version from its file; every problem is listed by path.
    @discardableResult
    func addQuestionnaire(json: String, knownProfessions: Set<String>) async throws -> Questionnaire {
        let questionnaire: Questionnaire
        do {
            questionnaire = try Questionnaire.decode(json: Data(json.utf8), knownProfessions: knownProfessions)
        } catch {
            throw AppError.invalid(error.problems.map { FieldError("file", $0.description) })
        }
        let code = questionnaire.version
        if let existing = try await QuestionnaireRecord.query(on: db).filter(\.$code == code).first() {
            guard !existing.frozen else {
                throw AppError.invalid([FieldError("file", "Version \(code) is in use by a round and can no longer change; give the new file another version code")])
            }
            var version = QuestionnaireVersion(try Questionnaire.decode(json: Data(existing.fileJSON.utf8)))
            let event: AuditEvent
            do { event = try version.revise(to: questionnaire) } catch {
                throw AppError.invalid([FieldError("file", error.description)])
            }
            try await db.audited(actor: actor) { db in
                existing.title = questionnaire.title
                existing.fileJSON = json
                try await existing.update(on: db)
                return ((), [event])
            }
            await cache.clear()
            return questionnaire
        }
        try await db.audited(actor: actor) { db in
            try await QuestionnaireRecord(code: code, title: questionnaire.title, fileJSON: json,
                                          createdOn: CalendarDay.today().iso).create(on: db)
            return ((), [AuditEvent(action: "questionnaire.create", entityType: "questionnaire", entityID: code,
                                    after: ["title": questionnaire.title, "items": String(questionnaire.items.count)])])
        }
        return questionnaire
    }

    struct RoundInput {
        var code: String
        var opens: String
        var closes: String
        var questionnaire: String?
    }

    /// Creates a round (past rounds may be recorded too, for history and imports).
    @discardableResult
    func createRound(_ input: RoundInput) async throws -> SurveyRound {
        var errors: [FieldError] = []
        let opens = CalendarDay(iso: input.opens.trimmingWhitespace)
        let closes = CalendarDay(iso: input.closes.trimmingWhitespace)
        if opens == nil { errors.append(FieldError("opens", "Enter the opening date as YYYY-MM-DD")) }
        if closes == nil { errors.append(FieldError("closes", "Enter the closing date as YYYY-MM-DD")) }
        let version = input.questionnaire?.trimmingWhitespace.nilIfEmpty
        if let version, try await QuestionnaireRecord.query(on: db).filter(\.$code == version).count() == 0 {
            errors.append(FieldError("questionnaire", "There is no questionnaire version \(version)"))
        }
        var round: SurveyRound?
        if let opens, let closes {
            do {
                round = try SurveyRound(code: input.code.trimmingWhitespace, opens: opens, closes: closes, questionnaireVersion: version)
            } catch {
                switch error {
                case .invalidCode: errors.append(FieldError("code", error.description))
                default: errors.append(FieldError("closes", error.description))
                }
            }
        } else if SurveyRoundCode(input.code.trimmingWhitespace) == nil {
            errors.append(FieldError("code", SurveyRoundRefusal.invalidCode(input.code).description))
        }
        if let round, try await SurveyRoundRecord.query(on: db).filter(\.$code == round.code.rawValue).count() > 0 {
            errors.append(FieldError("code", "A round with the code \(round.code) already exists"))
        }
        guard errors.isEmpty, let round else { throw AppError.invalid(errors) }
        let today = CalendarDay.today()
        try await db.audited(actor: actor) { db in
            let record = SurveyRoundRecord()
            record.code = round.code.rawValue
            record.opensOn = round.opens.iso
            record.closesOn = round.closes.iso
            record.questionnaireCode = round.questionnaireVersion
            record.recordedState = round.state(on: today).rawValue
            try await record.create(on: db)
            var events = [round.creationEvent]
            events += try await Self.freezeIfInUse(round, today: today, on: db)
            return ((), events)
        }
        return round
    }

    /// Moves a round's dates and/or attaches another questionnaire version.
    func updateRound(_ code: String, opens: String, closes: String, questionnaire: String?) async throws {
        guard let record = try await SurveyRoundRecord.query(on: db).filter(\.$code == code).first(),
              var round = SurveyCatalog.round(from: record) else { throw AppError.notFound("No round \(code)") }
        guard let o = CalendarDay(iso: opens.trimmingWhitespace), let c = CalendarDay(iso: closes.trimmingWhitespace) else {
            throw AppError.invalid([FieldError("opens", "Enter both dates as YYYY-MM-DD")])
        }
        let today = CalendarDay.today()
        var events: [AuditEvent] = []
        do {
            if o != round.opens || c != round.closes { events.append(try round.reschedule(opens: o, closes: c, today: today)) }
            if let v = questionnaire?.trimmingWhitespace.nilIfEmpty, v != round.questionnaireVersion {
                guard try await QuestionnaireRecord.query(on: db).filter(\.$code == v).count() > 0 else {
                    throw AppError.invalid([FieldError("questionnaire", "There is no questionnaire version \(v)")])
                }
                let hasResponses = try await SurveyResponseRecord.query(on: db).filter(\.$roundCode == code).count() > 0
                events.append(try round.attachQuestionnaire(v, today: today, hasResponses: hasResponses))
            }
        } catch let refusal as SurveyRoundRefusal {
            throw AppError.invalid([FieldError("closes", refusal.description)])
        }
        guard !events.isEmpty else { return }
        let updated = round
        let changes = events
        try await db.audited(actor: actor) { db in
            record.opensOn = updated.opens.iso
            record.closesOn = updated.closes.iso
            record.questionnaireCode = updated.questionnaireVersion
            try await record.update(on: db)
            return ((), changes + (try await Self.freezeIfInUse(updated, today: today, on: db)))
        }
    }

    /// The most recently stored questionnaire version, if any.
    static func latestQuestionnaire(on db: any Database) async throws -> String? {
        try await QuestionnaireRecord.query(on: db).sort(\.$createdOn, .descending).sort(\.$code, .descending).first()?.code
    }

    /// A version attached to a round that has opened (or has responses) can no longer change.
    static func freezeIfInUse(_ round: SurveyRound, today: CalendarDay, on db: any Database) async throws -> [AuditEvent] {
        guard let code = round.questionnaireVersion,
              let record = try await QuestionnaireRecord.query(on: db).filter(\.$code == code).first(), !record.frozen,
              let questionnaire = try? Questionnaire.decode(json: Data(record.fileJSON.utf8)) else { return [] }
        let hasResponses = try await SurveyResponseRecord.query(on: db).filter(\.$roundCode == round.code.rawValue).count() > 0
        var version = QuestionnaireVersion(questionnaire, isFrozen: false)
        guard let event = version.freezeIfInUse(by: round, roundHasResponses: hasResponses, today: today) else { return [] }
        record.frozen = true
        try await record.update(on: db)
        return [event]
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension Request {
    var surveyAdministration: SurveyAdministration {
        SurveyAdministration(db: db, cache: application.storage[QuestionnaireCacheKey.self]!, actor: auditActor)
    }
}

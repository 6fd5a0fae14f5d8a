/// JSON for timeline entries, so the store can keep each entry as one row with a JSON column and
/// rebuild the concern with `Concern.restore`. Handling bodies are written in the audit form
/// (`organisation:RJ1/site:RJ1-01`, `guardian:RJ1`, `region:LDN`), because `HandlingBody` itself
/// belongs to Access and is not Codable.
extension ConcernTimelineEntry: Codable {
    private enum Keys: String, CodingKey {
        case sequence, day, author, authorID, type
        case stage, safetyFlagged, fromPathway, fromBody, requestedBy, requesterID, reason, text, assignee, label, rating, comment
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        sequence = try c.decode(Int.self, forKey: .sequence)
        day = try c.decode(CalendarDay.self, forKey: .day)
        author = switch try c.decode(String.self, forKey: .author) {
        case "reporter": .reporter
        case "system": .system
        case "handler": .handler(userID: try c.decode(String.self, forKey: .authorID))
        case let other: throw DecodingError.dataCorruptedError(forKey: .author, in: c, debugDescription: "unknown author \(other)")
        }
        let text = { try c.decode(String.self, forKey: .text) }
        kind = switch try c.decode(String.self, forKey: .type) {
        case "received": .received(try c.decode(ConcernStage.self, forKey: .stage),
                                   safetyFlagged: try c.decode(Bool.self, forKey: .safetyFlagged))
        case "acknowledged": .acknowledged
        case "work-started": .workStarted
        case "resolved": .resolved(outcome: try text())
        case "reopened": .reopened
        case "closed": .closed
        case "escalated":
            .escalated(try c.decode(ConcernStage.self, forKey: .stage),
                       from: try c.decode(EscalationPathway.self, forKey: .fromPathway),
                       by: try c.decode(String.self, forKey: .requestedBy) == "reporter"
                           ? .reporter : .handler(userID: try c.decode(String.self, forKey: .requesterID)),
                       reason: try c.decodeIfPresent(String.self, forKey: .reason),
                       safetyFlagged: try c.decode(Bool.self, forKey: .safetyFlagged))
        case "transferred":
            .transferred(try c.decode(ConcernStage.self, forKey: .stage),
                         from: try Self.body(c.decode(String.self, forKey: .fromBody), c, .fromBody),
                         reason: try c.decode(String.self, forKey: .reason))
        case "message-to-reporter": .messageToReporter(try text())
        case "message-from-reporter": .messageFromReporter(try text())
        case "internal-note": .internalNote(try text())
        case "assigned": .assigned(to: try c.decodeIfPresent(String.self, forKey: .assignee))
        case "label-added": .labelAdded(try c.decode(String.self, forKey: .label))
        case "label-removed": .labelRemoved(try c.decode(String.self, forKey: .label))
        case "feedback": .feedback(rating: try c.decode(Int.self, forKey: .rating),
                                   comment: try c.decodeIfPresent(String.self, forKey: .comment))
        case "name-sharing-consent-given": .nameSharingConsentGiven
        case let other: throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown entry \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(day, forKey: .day)
        switch author {
        case .reporter: try c.encode("reporter", forKey: .author)
        case .system: try c.encode("system", forKey: .author)
        case .handler(let id):
            try c.encode("handler", forKey: .author)
            try c.encode(id, forKey: .authorID)
        }
        try c.encode(kind.name, forKey: .type)
        switch kind {
        case .received(let stage, let flagged):
            try c.encode(stage, forKey: .stage)
            try c.encode(flagged, forKey: .safetyFlagged)
        case .escalated(let stage, let from, let by, let reason, let flagged):
            try c.encode(stage, forKey: .stage)
            try c.encode(from, forKey: .fromPathway)
            switch by {
            case .reporter: try c.encode("reporter", forKey: .requestedBy)
            case .handler(let id):
                try c.encode("handler", forKey: .requestedBy)
                try c.encode(id, forKey: .requesterID)
            }
            try c.encodeIfPresent(reason, forKey: .reason)
            try c.encode(flagged, forKey: .safetyFlagged)
        case .transferred(let stage, let from, let reason):
            try c.encode(stage, forKey: .stage)
            try c.encode(from.concernAuditText, forKey: .fromBody)
            try c.encode(reason, forKey: .reason)
        case .resolved(let text), .messageToReporter(let text), .messageFromReporter(let text), .internalNote(let text):
            try c.encode(text, forKey: .text)
        case .assigned(let colleague):
            try c.encodeIfPresent(colleague, forKey: .assignee)
        case .labelAdded(let label), .labelRemoved(let label):
            try c.encode(label, forKey: .label)
        case .feedback(let rating, let comment):
            try c.encode(rating, forKey: .rating)
            try c.encodeIfPresent(comment, forKey: .comment)
        case .acknowledged, .workStarted, .reopened, .closed, .nameSharingConsentGiven:
            break
        }
    }

    static func body<K>(_ text: String, _ c: KeyedDecodingContainer<K>, _ key: K) throws -> HandlingBody {
        guard let body = HandlingBody(concernAuditText: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not a handling body: \(text)")
        }
        return body
    }
}

extension ConcernStage: Codable {
    private enum Keys: String, CodingKey {
        case pathway, handlingBody, startedOn, acknowledgeBy, respondBy, acknowledgedOn, resolvedOn
        case reroutedFrom, reroutedBecause
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(pathway: try c.decode(EscalationPathway.self, forKey: .pathway),
                  handlingBody: try ConcernTimelineEntry.body(c.decode(String.self, forKey: .handlingBody), c, .handlingBody),
                  startedOn: try c.decode(CalendarDay.self, forKey: .startedOn),
                  acknowledgeBy: try c.decode(CalendarDay.self, forKey: .acknowledgeBy),
                  respondBy: try c.decode(CalendarDay.self, forKey: .respondBy),
                  acknowledgedOn: try c.decodeIfPresent(CalendarDay.self, forKey: .acknowledgedOn),
                  resolvedOn: try c.decodeIfPresent(CalendarDay.self, forKey: .resolvedOn),
                  rerouting: try Self.rerouting(c))
    }

    /// Stages stored before re-routing existed have neither key.
    private static func rerouting(_ c: KeyedDecodingContainer<Keys>) throws -> ConcernRerouting? {
        guard let from = try c.decodeIfPresent(String.self, forKey: .reroutedFrom) else { return nil }
        return ConcernRerouting(intended: try ConcernTimelineEntry.body(from, c, .reroutedFrom),
                                reason: try c.decode(ConcernRerouting.Reason.self, forKey: .reroutedBecause))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(pathway, forKey: .pathway)
        try c.encode(handlingBody.concernAuditText, forKey: .handlingBody)
        try c.encode(startedOn, forKey: .startedOn)
        try c.encode(acknowledgeBy, forKey: .acknowledgeBy)
        try c.encode(respondBy, forKey: .respondBy)
        try c.encodeIfPresent(acknowledgedOn, forKey: .acknowledgedOn)
        try c.encodeIfPresent(resolvedOn, forKey: .resolvedOn)
        if let rerouting {
            try c.encode(rerouting.intended.concernAuditText, forKey: .reroutedFrom)
            try c.encode(rerouting.reason, forKey: .reroutedBecause)
        }
    }
}

extension HandlingBody {
    /// Reads the audit form back; nil for anything else.
    public init?(concernAuditText text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "guardian": self = .guardian(parts[1])
        case "region": self = .region(parts[1])
        case "organisation":
            if let range = parts[1].range(of: "/site:") {
                let code = String(parts[1][..<range.lowerBound]), site = String(parts[1][range.upperBound...])
                guard !code.isEmpty, !site.isEmpty else { return nil }
                self = .organisation(code, site: site)
            } else {
                self = .organisation(parts[1], site: nil)
            }
        default: return nil
        }
    }
}

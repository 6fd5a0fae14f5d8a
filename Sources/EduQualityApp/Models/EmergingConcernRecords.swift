import EduQualityDomain
import Fluent
import Foundation

/// An emerging concern as stored: what lists narrow by are columns; the concern and its panels
/// are one JSON document, only read with it.
final class EmergingConcernRecord: Model, @unchecked Sendable {
    static let schema = "emerging_concerns"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "reference") var reference: String
    @Field(key: "raised_by") var raisedBy: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "parties") var parties: String
    @Field(key: "body_json") var bodyJSON: String
    @Field(key: "raised_at") var raisedAt: Date

    init() {}

    struct Body: Codable {
        var raisedByUser: String
        var about: EmergingConcernSubject
        var type: EmergingConcernType
        var summary: String
        var risk: String
        var sources: [String]
        var sharedWith: [String]
        var registerEntries: [String]
        var isfDecisions: [String]
        var raisedOn: CalendarDay
        var panels: [StoredPanel]
    }

    struct StoredPanel: Codable {
        var reference, requestedBy, requestedByUser: String
        var requestedOn, date: CalendarDay
        var invited: [String]
        var status: RegulatoryPanelStatus
        var heldOn: CalendarDay?
        var attendees: [RegulatoryPanelAttendee]
        var informationConsidered, decisions: [String]
        var actions: [RegulatoryPanelAction]

        init(_ p: RegulatoryReviewPanel) {
            reference = p.reference; requestedBy = p.requestedBy; requestedByUser = p.requestedByUser
            requestedOn = p.requestedOn; date = p.date; invited = p.invited; status = p.status; heldOn = p.heldOn
            attendees = p.attendees; informationConsidered = p.informationConsidered; decisions = p.decisions; actions = p.actions
        }

        func panel(concern: String) -> RegulatoryReviewPanel {
            RegulatoryReviewPanel(reference: reference, concern: concern, requestedBy: requestedBy, requestedByUser: requestedByUser,
                                  requestedOn: requestedOn, date: date, invited: invited, status: status, heldOn: heldOn,
                                  attendees: attendees, informationConsidered: informationConsidered, decisions: decisions, actions: actions)
        }
    }

    /// The concern and its panels, or nil for a row that cannot be read.
    var stored: (EmergingConcern, [RegulatoryReviewPanel])? {
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(bodyJSON.utf8)) else { return nil }
        let concern = EmergingConcern(
            reference: reference, raisedBy: raisedBy, raisedByUser: body.raisedByUser, about: body.about, region: regionCode,
            type: body.type, summary: body.summary, risk: body.risk, sources: body.sources, sharedWith: Set(body.sharedWith),
            registerEntries: body.registerEntries, isfDecisions: body.isfDecisions, raisedOn: body.raisedOn)
        return (concern, body.panels.map { $0.panel(concern: reference) })
    }

    func apply(_ c: EmergingConcern, panels: [RegulatoryReviewPanel]) throws {
        reference = c.reference
        raisedBy = c.raisedBy
        regionCode = c.region
        organisationCode = c.about.organisation
        parties = "," + c.parties.sorted().joined(separator: ",") + ","
        let body = Body(raisedByUser: c.raisedByUser, about: c.about, type: c.type, summary: c.summary, risk: c.risk,
                        sources: c.sources, sharedWith: c.sharedWithSorted, registerEntries: c.registerEntries,
                        isfDecisions: c.isfDecisions, raisedOn: c.raisedOn, panels: panels.map(StoredPanel.init))
        bodyJSON = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
    }
}

/// One line of a concern's access log: who saw or changed what, when.
final class EmergingConcernAccessRecord: Model, @unchecked Sendable {
    static let schema = "emerging_concern_access"
    @ID(key: .id) var id: UUID?
    @Field(key: "concern_reference") var concernReference: String
    @Field(key: "user_id") var userID: String
    @Field(key: "user_name") var userName: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "kind") var kind: String
    @Field(key: "what") var what: String
    @Field(key: "at") var at: Date

    init() {}

    init(_ e: AccessLogEntry) {
        concernReference = e.concern; userID = e.userID; userName = e.userName; organisation = e.organisation
        kind = e.kind.rawValue; what = e.what; at = e.at
    }

    var entry: AccessLogEntry? {
        AccessLogEntry.Kind(rawValue: kind).map {
            AccessLogEntry(concern: concernReference, userID: userID, userName: userName, organisation: organisation, kind: $0, what: what, at: at)
        }
    }
}

/// A line of a concern's history.
final class EmergingConcernHistoryRecord: Model, @unchecked Sendable {
    static let schema = "emerging_concern_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "concern_reference") var concernReference: String
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "change") var change: String

    init() {}

    init(concern: String, at: Date, actor: String, change: String) {
        concernReference = concern; self.at = at; self.actor = actor; self.change = change
    }
}

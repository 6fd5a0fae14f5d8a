import EduQualityDomain
import Vapor

/// The emerging concerns' JSON shapes.
enum EmergingConcernDTO {
    struct About: Content {
        let organisation: String
        let setting, group: String?
        let personalData: Bool
        let individual, lawfulBasis: String?
    }
    struct PanelAction: Content { let number: Int; let organisation, text, owner, due, status: String; let overdue: Bool }
    struct Panel: Content {
        let reference, date, status, requestedBy: String
        let invited: [String]
        let heldOn: String?
        let attendees: [String]
        let informationConsidered, decisions: [String]
        let actions: [PanelAction]
    }
    struct Concern: Content {
        let reference, raisedBy, type, summary, risk, raisedOn, region: String
        let about: About
        let sources, sharedWith, registerEntries, isfDecisions: [String]
        let panels: [Panel]
    }
    struct LogLine: Content { let user, organisation, kind, what, at: String }

    static func panel(_ p: RegulatoryReviewPanel, today: CalendarDay = .today()) -> Panel {
        Panel(reference: p.reference, date: p.date.iso, status: p.status.rawValue, requestedBy: p.requestedBy, invited: p.invited,
              heldOn: p.heldOn?.iso, attendees: p.attendees.map { "\($0.name) (\($0.organisation))" },
              informationConsidered: p.informationConsidered, decisions: p.decisions,
              actions: p.actions.map { PanelAction(number: $0.number, organisation: $0.organisation, text: $0.text, owner: $0.owner,
                                                   due: $0.due.iso, status: $0.status.rawValue, overdue: $0.isOverdue(on: today)) })
    }

    static func concern(_ f: EmergingConcernStore.Found) -> Concern {
        let c = f.concern
        return Concern(reference: c.reference, raisedBy: c.raisedBy, type: c.type.rawValue, summary: c.summary, risk: c.risk,
                       raisedOn: c.raisedOn.iso, region: c.region,
                       about: About(organisation: c.about.organisation, setting: c.about.setting, group: c.about.group,
                                    personalData: c.about.holdsPersonalData, individual: c.about.individual?.name,
                                    lawfulBasis: c.about.individual?.lawfulBasis),
                       sources: c.sources, sharedWith: c.sharedWithSorted, registerEntries: c.registerEntries,
                       isfDecisions: c.isfDecisions, panels: f.panels.map { panel($0) })
    }

    static func line(_ e: AccessLogEntry) -> LogLine {
        LogLine(user: e.userName, organisation: e.organisation, kind: e.kind.rawValue, what: e.what,
                at: ISO8601DateFormatter().string(from: e.at))
    }
}

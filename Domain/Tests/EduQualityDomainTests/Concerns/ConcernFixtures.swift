@testable import EduQualityDomain

/// Small factories for concern tests. Dates are in March 2026 unless a test needs otherwise.
enum ConcernFixtures {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    /// Monday 2 March 2026: acknowledge by Wednesday 4 March, respond by Monday 30 March.
    static let monday = day("2026-03-02")

    static func identity(name: String = "Sam Reporter", email: String? = "sam@example.org",
                         account: String? = "account-sam") -> ReporterIdentity {
        ReporterIdentity(name: name, email: email, accountID: account)
    }

    static func submission(reporter: ConcernReporter = .confidential(identity()),
                           category: ConcernCategory = .supervision,
                           pathway: EscalationPathway = .placementProvider,
                           recipient: ConcernRecipient = .pathwayHandler,
                           educationProvider: String? = "UNI1",
                           site: String? = "RJ1-01",
                           whatHappened: String = "No supervisor on the night shift.",
                           desiredOutcome: String? = "A named supervisor every shift.") -> ConcernSubmission {
        ConcernSubmission(reporter: reporter,
                          placement: ConcernPlacement(region: "LDN", organisation: "RJ1", site: site),
                          category: category, whatHappened: whatHappened, desiredOutcome: desiredOutcome,
                          pathway: pathway, recipient: recipient, educationProvider: educationProvider)
    }

    static func received(_ submission: ConcernSubmission = submission(), on day: CalendarDay = monday,
                         reference: String = "CN-AAAAA-00001") -> Concern {
        try! Concern.receive(submission, reference: ConcernReference(reference)!, on: day).concern
    }

    /// A concern brought to `status` by legal steps on `day`, with the label `urgent` added first.
    static func concern(in status: ConcernStatus, submission: ConcernSubmission = submission(),
                        on day: CalendarDay = monday) -> Concern {
        var c = received(submission, on: day)
        _ = try! c.addLabel("urgent", by: "handler-1", on: day)
        switch status {
        case .received:
            break
        case .acknowledged:
            _ = try! c.acknowledge(by: "handler-1", on: day)
        case .inProgress:
            _ = try! c.acknowledge(by: "handler-1", on: day)
            _ = try! c.startWork(by: "handler-1", on: day)
        case .resolved:
            _ = try! c.acknowledge(by: "handler-1", on: day)
            _ = try! c.resolve(outcome: "Supervisor named on the rota.", by: "handler-1", on: day)
        case .closed:
            _ = try! c.acknowledge(by: "handler-1", on: day)
            _ = try! c.resolve(outcome: "Supervisor named on the rota.", by: "handler-1", on: day)
            _ = try! c.close(by: "handler-1", on: day)
        case .escalated:
            _ = try! c.escalate(by: .handler(userID: "handler-1"), reason: "Needs the school", on: day)
        case .transferred:
            _ = try! c.transfer(to: .organisation("RJ1", site: "RJ1-02"), reason: "Wrong site", by: "handler-1", on: day)
        }
        precondition(c.status == status)
        return c
    }
}


/// Repeatable randomness for tests: the domain's own SplitMix64.
typealias SeededGenerator = SplitMix64

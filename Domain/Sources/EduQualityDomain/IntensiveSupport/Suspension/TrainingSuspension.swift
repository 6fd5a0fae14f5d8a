/// The last resort at the top of the Intensive Support Framework: suspending postgraduate medical
/// training at a provider, site or programme. The steps are recorded strictly in order, each by a
/// method that refuses it out of order and returns its audit event:
/// 1. local resolution offered and its outcome, or the urgent safety reason for skipping it;
/// 2. the triggers (out-of-scope reasons refused with the policy's explanation);
/// 3. the decision panel's decision, confirmed by a national quality lead (a decision not to
///    suspend ends the workflow);
/// 4. notifications to the provider, the affected learners and the regulator;
/// 5. the affected learners (counts per programme and level) and where they are relocated;
/// 6. the conditions for return, then the review that lifts the suspension.
public struct TrainingSuspension: Hashable, Sendable, Codable {
    public enum Step: Int, CaseIterable, Codable, Sendable, Comparable {
        case localResolution = 1, triggers, decision, notifications, affectedLearners, returnConditions, lift

        public var title: String {
            switch self {
            case .localResolution: "Local resolution"
            case .triggers: "Triggers"
            case .decision: "Panel decision"
            case .notifications: "Notifications"
            case .affectedLearners: "Affected learners and relocation"
            case .returnConditions: "Conditions for return"
            case .lift: "Review that lifts the suspension"
            }
        }

        public static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
    }

    public enum LocalResolution: Hashable, Sendable, Codable {
        case offered(outcome: String)
        case skipped(urgentSafetyReason: String)
    }

    public struct PanelMember: Hashable, Sendable, Codable {
        public var name: String
        public var role: String
        public init(name: String, role: String) { self.name = name; self.role = role }
    }

    public struct Decision: Hashable, Sendable, Codable {
        public var panel: [PanelMember]
        public var suspend: Bool
        public var rationale: String
        public var decidedOn: CalendarDay
        /// The national quality lead who confirmed it.
        public var confirmedBy: String
    }

    public struct Notifications: Hashable, Sendable, Codable {
        public var provider: CalendarDay
        public var learners: CalendarDay
        public var regulator: CalendarDay
    }

    public struct LearnerGroup: Hashable, Sendable, Codable {
        public var programme: String
        public var level: String
        public var count: Int
        public var relocatedTo: String

        public init(programme: String, level: String, count: Int, relocatedTo: String) {
            self.programme = programme
            self.level = level
            self.count = count
            self.relocatedTo = relocatedTo
        }
    }

    public struct Lift: Hashable, Sendable, Codable {
        public var reviewedOn: CalendarDay
        public var by: String
        public var findings: String
    }

    public let reference: String
    public let subject: ISFSubject
    public let openedOn: CalendarDay
    public let openedBy: String
    public internal(set) var localResolution: LocalResolution?
    public internal(set) var triggers: [String] = []
    public internal(set) var decision: Decision?
    public internal(set) var notifications: Notifications?
    public internal(set) var learners: [LearnerGroup] = []
    /// The lawful basis recorded when a named list of learners is kept as personal data.
    public internal(set) var namedListLawfulBasis: String?
    public internal(set) var returnConditions: [String] = []
    public internal(set) var lift: Lift?
    /// Every step recorded, with its day and who recorded it.
    public internal(set) var log: [LogEntry] = []

    public struct LogEntry: Hashable, Sendable, Codable {
        public var step: Step
        public var on: CalendarDay
        public var by: String
    }
}

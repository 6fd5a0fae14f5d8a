import Testing
@testable import EduQualityDomain

/// Walks every status × every event and checks the outcome against a table written out by hand
/// here (not derived from `ConcernEvent.isAllowed`).
@Suite("Concern lifecycle: the whole state × event matrix")
struct ConcernLifecycleMatrixTests {
    /// The columns of the table, in order. Reporter escalation appears twice: on the day the
    /// response is due (not yet allowed unless resolved) and the day after (overdue).
    enum Column: String, CaseIterable {
        case acknowledge, startWork, resolve, reopen, close, escalateByHandler
        case escalateByReporterOnTime, escalateByReporterOverdue, transfer, messageReporter
        case reporterMessage, internalNote, assign, addLabel, removeLabel, feedback, consent
    }

    /// Outcome codes: `.` refused; `=` allowed, status unchanged; otherwise the new status:
    /// A acknowledged, P in progress, R resolved, C closed, E escalated, T transferred.
    static let table: [ConcernStatus: String] = [
        //             ack start res reop close escH escR< escR> xfer msgTo msgFrom note asgn lab+ lab- fdbk consent
        .received:    "A   .     .   .    .     E    .     E     T    =     =       =    =    =    =    .    =",
        .acknowledged: ".   P     R   .    .     E    .     E     T    =     =       =    =    =    =    .    =",
        .inProgress:  ".   .     R   .    .     E    .     E     T    =     =       =    =    =    =    .    =",
        .resolved:    ".   .     .   P    C     E    E     E     .    =     =       =    =    =    =    =    =",
        .closed:      ".   .     .   .    .     .    .     .     .    .     .       .    .    .    .    =    .",
        .escalated:   "A   .     .   .    .     E    .     E     T    =     =       =    =    =    =    .    =",
        .transferred: "A   .     .   .    .     E    .     E     T    =     =       =    =    =    =    .    =",
    ]

    static func expected(_ status: ConcernStatus) -> [Column: Character] {
        let codes = table[status]!.split(separator: " ").map { Character(String($0)) }
        precondition(codes.count == Column.allCases.count, "table row for \(status) has \(codes.count) entries")
        return Dictionary(uniqueKeysWithValues: zip(Column.allCases, codes))
    }

    static let statusCodes: [Character: ConcernStatus] = [
        "A": .acknowledged, "P": .inProgress, "R": .resolved, "C": .closed, "E": .escalated, "T": .transferred,
    ]

    /// Applies one column's event; returns the error if refused.
    static func apply(_ column: Column, to c: inout Concern) -> ConcernChangeError? {
        let today = ConcernFixtures.monday
        let overdueDay = c.currentStage.respondBy.adding(days: 1)
        let transferTarget: HandlingBody = c.pathway == .placementProvider ? .guardian("RJ1") : .organisation("UNI9", site: nil)
        do {
            switch column {
            case .acknowledge: _ = try c.acknowledge(by: "h", on: today)
            case .startWork: _ = try c.startWork(by: "h", on: today)
            case .resolve: _ = try c.resolve(outcome: "Fixed.", by: "h", on: today)
            case .reopen: _ = try c.reopen(by: "h", on: today)
            case .close: _ = try c.close(by: "h", on: today)
            case .escalateByHandler: _ = try c.escalate(by: .handler(userID: "h"), on: today)
            case .escalateByReporterOnTime: _ = try c.escalate(by: .reporter, on: c.currentStage.respondBy)
            case .escalateByReporterOverdue: _ = try c.escalate(by: .reporter, on: overdueDay)
            case .transfer: _ = try c.transfer(to: transferTarget, reason: "Better placed", by: "h", on: today)
            case .messageReporter: _ = try c.messageReporter("Can you tell us more?", by: "h", on: today)
            case .reporterMessage: _ = try c.receiveReporterMessage("More detail.", on: today)
            case .internalNote: _ = try c.addInternalNote("Spoke to the ward manager.", by: "h", on: today)
            case .assign: _ = try c.assign(to: "colleague-2", by: "h", on: today)
            case .addLabel: _ = try c.addLabel("rota", by: "h", on: today)
            case .removeLabel: _ = try c.removeLabel("urgent", by: "h", on: today)
            case .feedback: _ = try c.recordFeedback(rating: 4, comment: "Handled well.", on: today)
            case .consent: _ = try c.grantNameSharingConsent(on: today)
            }
            return nil
        } catch {
            return error
        }
    }

    static let events: [Column: ConcernEvent] = [
        .acknowledge: .acknowledge, .startWork: .startWork, .resolve: .resolve, .reopen: .reopen, .close: .close,
        .escalateByHandler: .escalate, .escalateByReporterOnTime: .escalate, .escalateByReporterOverdue: .escalate,
        .transfer: .transfer, .messageReporter: .messageReporter, .reporterMessage: .receiveReporterMessage,
        .internalNote: .addInternalNote, .assign: .assign, .addLabel: .addLabel, .removeLabel: .removeLabel,
        .feedback: .recordFeedback, .consent: .grantNameSharingConsent,
    ]

    @Test("every status × event is allowed or refused exactly as the hand-written table says",
          arguments: ConcernStatus.allCases)
    func matrix(status: ConcernStatus) {
        let expected = Self.expected(status)
        for column in Column.allCases {
            // setup
            var concern = ConcernFixtures.concern(in: status)
            let before = concern
            // MUT
            let error = Self.apply(column, to: &concern)
            // validate
            let code = expected[column]!
            if code == "." {
                #expect(error != nil, "\(status) × \(column) should be refused")
                #expect(concern == before, "a refused change leaves the concern untouched (\(status) × \(column))")
                if column == .escalateByReporterOnTime, ConcernEvent.escalate.isAllowed(from: status) {
                    #expect(error == .reporterMayNotEscalateYet(respondBy: before.currentStage.respondBy))
                } else {
                    #expect(error == .notAllowed(Self.events[column]!, from: status), "\(status) × \(column)")
                }
            } else {
                #expect(error == nil, "\(status) × \(column) should be allowed, got \(String(describing: error))")
                let target = code == "=" ? status : Self.statusCodes[code]!
                #expect(concern.status == target, "\(status) × \(column)")
                #expect(concern.timeline.count == before.timeline.count + 1, "one entry per change")
            }
        }
    }

    @Test("the legality table in the code agrees with the hand-written one for every pure status rule")
    func legalityTable() {
        for status in ConcernStatus.allCases {
            let expected = Self.expected(status)
            for column in Column.allCases where column != .escalateByReporterOnTime {
                #expect(Self.events[column]!.isAllowed(from: status) == (expected[column]! != "."),
                        "\(status) × \(column)")
            }
        }
    }

    @Test("every change returns an audit event for the concern and the entry it appended")
    func auditEvents() throws {
        var concern = ConcernFixtures.received()
        let change = try concern.acknowledge(by: "handler-1", on: ConcernFixtures.monday)
        #expect(change.audit.action == "concern.acknowledge")
        #expect(change.audit.entityType == "concern")
        #expect(change.audit.entityID == "CN-AAAAA-00001")
        #expect(change.audit.before?["status"] == "received")
        #expect(change.audit.after?["status"] == "acknowledged")
        #expect(change.entry == concern.timeline.last)
        #expect(change.entry.author == .handler(userID: "handler-1"))
    }

    @Test("audit events never carry the text of messages, notes or outcomes")
    func auditCarriesNoText() throws {
        var concern = ConcernFixtures.concern(in: .acknowledged)
        let day = ConcernFixtures.monday
        let changes = [
            try concern.messageReporter("SECRET-MESSAGE", by: "h", on: day),
            try concern.addInternalNote("SECRET-NOTE", by: "h", on: day),
            try concern.resolve(outcome: "SECRET-OUTCOME", by: "h", on: day),
            try concern.recordFeedback(rating: 2, comment: "SECRET-FEEDBACK", on: day),
        ]
        for change in changes {
            let fields = (change.audit.before ?? [:]).merging(change.audit.after ?? [:]) { a, _ in a }
            #expect(!fields.values.contains { $0.contains("SECRET") }, "\(change.audit.action)")
        }
    }

    @Test("text, label and rating limits are refused with their own errors")
    func inputLimits() {
        var concern = ConcernFixtures.concern(in: .resolved)
        let day = ConcernFixtures.monday
        #expect(throws: ConcernChangeError.emptyText) { try concern.messageReporter("   ", by: "h", on: day) }
        #expect(throws: ConcernChangeError.textTooLong(limit: 10_000)) {
            try concern.addInternalNote(String(repeating: "x", count: 10_001), by: "h", on: day)
        }
        #expect(throws: ConcernChangeError.invalidLabel) { try concern.addLabel(String(repeating: "x", count: 41), by: "h", on: day) }
        #expect(throws: ConcernChangeError.unchanged) { try concern.addLabel("urgent", by: "h", on: day) }
        #expect(throws: ConcernChangeError.unchanged) { try concern.removeLabel("absent", by: "h", on: day) }
        #expect(throws: ConcernChangeError.ratingOutOfRange) { try concern.recordFeedback(rating: 6, comment: nil, on: day) }
        #expect(throws: ConcernChangeError.unchanged) { try concern.assign(to: nil, by: "h", on: day) }
    }

    @Test("only a confidential reporter can consent to share their name, once")
    func consent() throws {
        var open = ConcernFixtures.received(ConcernFixtures.submission(reporter: .open(ConcernFixtures.identity())))
        #expect(throws: ConcernChangeError.notConfidential) { try open.grantNameSharingConsent(on: ConcernFixtures.monday) }
        var confidential = ConcernFixtures.received()
        _ = try confidential.grantNameSharingConsent(on: ConcernFixtures.monday)
        #expect(throws: ConcernChangeError.unchanged) { try confidential.grantNameSharingConsent(on: ConcernFixtures.monday) }
    }

    @Test("each event names the handler action it needs on the queue")
    func requiredActions() {
        #expect(ConcernEvent.acknowledge.requiredHandlerAction == .workOnConcern)
        #expect(ConcernEvent.addInternalNote.requiredHandlerAction == .workOnConcern)
        #expect(ConcernEvent.resolve.requiredHandlerAction == .decideConcern)
        #expect(ConcernEvent.escalate.requiredHandlerAction == .decideConcern)
        #expect(ConcernEvent.transfer.requiredHandlerAction == .decideConcern)
        #expect(ConcernEvent.recordFeedback.requiredHandlerAction == nil)
    }
}

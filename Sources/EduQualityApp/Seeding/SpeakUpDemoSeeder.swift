import EduQualityDomain
import Fluent
import Vapor

/// Demo speak-up data: a guardian in the directory for every NHS trust, and about forty cases at
/// T001 over the last four financial quarters. Names, addresses and phone numbers are fictional
/// (the phone numbers are from Ofcom's range reserved for drama). Runs once: a database that
/// already has directory entries or T001 cases is left alone.
struct SpeakUpDemoSeeder {
    let app: Application
    var today: CalendarDay = .today()

    static let demoOrganisation = "T001"
    static let casesPerQuarter = 10

    private static let firstNames = ["Amara", "Ben", "Chloe", "Dev", "Esther", "Farid", "Grace", "Hugo", "Imani", "Jonah",
                                     "Kiran", "Leah", "Marek", "Nadia", "Owen", "Parveen", "Quinn", "Rosa", "Sol", "Tariq",
                                     "Una", "Victor", "Wren", "Yusuf", "Zoë"]
    private static let surnames = ["Achebe", "Blackwood", "Chaudhry", "Dempsey", "Eze", "Fairweather", "Gallagher", "Hussain",
                                   "Ilori", "Jankowski", "Kaur", "Lindqvist", "Mensah", "Nakamura", "O'Brien", "Patel",
                                   "Quayle", "Rahman", "Sørensen", "Thornton", "Underwood", "Varga", "Whitlock"]
    private static let availability = [
        "Monday to Friday, 9am to 5pm. Confidential voicemail at other times.",
        "Tuesdays and Thursdays, 8am to 4pm, and by appointment.",
        "Monday to Thursday, 9am to 5pm; drop-in sessions in the staff room on Wednesdays.",
    ]
    private static let outcomes = [
        "Escalated to the ward manager; rota changed so the learner has a named supervisor on every shift.",
        "Listened and signposted to occupational health. The person chose not to take it further.",
        "Raised with the director of nursing; a staffing review of the unit has started.",
        "Concern about equipment checks passed to the patient safety team, who fixed the checklist.",
        "Supported the person to meet the team leader; behaviour addressed through an informal conversation.",
        "Referred to HR under the dignity at work policy with the person's agreement.",
        "Fed back to the person; they felt listened to and the issue has not recurred.",
    ]

    func seed() async throws {
        try await seedDirectory()
        try await seedCases()
    }

    func seedDirectory() async throws {
        guard try await GuardianDirectoryRecord.query(on: app.db).count() == 0 else { return }
        let trusts = try await Organisation.query(on: app.db).filter(\.$type == OrganisationType.nhsTrust.rawValue)
            .sort(\.$code).all()
        let entries = trusts.enumerated().map { index, trust in
            let isDemo = trust.code == Self.demoOrganisation
            let name = isDemo ? "Gabriel Guardian"
                : "\(Self.firstNames[index % Self.firstNames.count]) \(Self.surnames[(index * 7) % Self.surnames.count])"
            return GuardianDirectoryEntry(
                id: UUID().uuidString, name: name, organisation: trust.code, organisationName: trust.name,
                email: isDemo ? "guardian@demo.eduquality.test" : "speakup@\(trust.code.lowercased()).demo.eduquality.test",
                phone: "01632 960" + String(format: "%03d", index + 100), availability: Self.availability[index % Self.availability.count])
        }
        try await app.db.audited(actor: "system:demo") { db in
            for entry in entries { try await GuardianDirectoryRecord(id: UUID(uuidString: entry.id)!, entry: entry).create(on: db) }
            return ((), entries.map(\.addedEvent))
        }
    }

    func seedCases() async throws {
        guard try await Organisation.query(on: app.db).filter(\.$code == Self.demoOrganisation).count() == 1,
              try await SpeakUpCaseRecord.query(on: app.db).filter(\.$organisationCode == Self.demoOrganisation).count() == 0
        else { return }
        var random = SplitMix64(seed: 20_260_401)
        var cases: [SpeakUpCase] = []
        for quarter in FinancialQuarter(containing: today).recent(4) {
            let last = min(quarter.lastDay, today)
            let span = quarter.firstDay.days(to: last)
            for _ in 0..<Self.casesPerQuarter {
                var themes: Set<SpeakUpTheme> = [SpeakUpTheme.allCases[random.below(SpeakUpTheme.allCases.count)]]
                if random.below(3) == 0 { themes.insert(SpeakUpTheme.allCases[random.below(SpeakUpTheme.allCases.count)]) }
                let groups = SpeakUpWorkerGroups.standard
                cases.append(SpeakUpCase(
                    id: UUID().uuidString, raisedOn: quarter.firstDay.adding(days: random.below(span + 1)),
                    organisation: Self.demoOrganisation,
                    howRaised: [.open, .open, .confidential, .confidential, .confidential, .anonymous][random.below(6)],
                    workerGroup: random.below(2) == 0 ? groups[0] : groups[random.below(groups.count)],
                    themes: themes, detrimentReported: random.below(10) == 0,
                    outcome: random.below(5) == 0 ? nil : Self.outcomes[random.below(Self.outcomes.count)],
                    speakUpAgain: [.yes, .yes, .yes, .maybe, .no, .notAsked][random.below(6)]))
            }
        }
        let inOrder = cases.sorted { $0.raisedOn < $1.raisedOn }
        try await app.db.audited(actor: "system:demo") { db in
            var events: [AuditEvent] = []
            for (index, c) in inOrder.enumerated() {
                let reference = SpeakUpCaseReference(organisation: c.organisation, number: index + 1)
                let record = SpeakUpCaseRecord(id: UUID(uuidString: c.id)!, reference: reference, from: c)
                try await record.create(on: db)
                try await record.replaceThemes(with: c.themes, on: db)
                events.append(c.recordedEvent(reference: reference.description))
            }
            return ((), events)
        }
    }
}

extension SplitMix64 {
    /// Uniform in 0..<bound, from the domain's seedable generator, so the demo is the same on every start.
    fileprivate mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

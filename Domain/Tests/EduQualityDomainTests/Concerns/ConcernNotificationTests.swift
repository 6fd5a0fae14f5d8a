import Testing
@testable import EduQualityDomain

@Suite("Notifications carry a reference and a link, never the case")
struct ConcernNotificationTests {
    typealias F = ConcernFixtures

    /// An anonymous case full of distinctive text, in every state a notification is sent from.
    static func anonymousCase() throws -> Concern {
        let submission = F.submission(reporter: .anonymous, category: .sexualSafety,
                                      whatHappened: "Zanzibar consultant cornered me in Quillfeather ward",
                                      desiredOutcome: "Marmalade investigation")
        var concern = F.received(submission)
        _ = try concern.receiveReporterMessage("Oberon witnessed it", on: F.monday)
        _ = try concern.addInternalNote("Probably the Periwinkle rotation", by: "h", on: F.monday)
        _ = try concern.messageReporter("Thank you Tangerine", by: "h", on: F.monday)
        return concern
    }

    static let caseWords = ["Zanzibar", "Quillfeather", "Marmalade", "Oberon", "Periwinkle", "Tangerine",
                            "consultant", "cornered", "sexual", "Sexual", "RJ1", "LDN", "2026"]

    @Test("handler notifications for an anonymous case contain none of its text, place or date")
    func handlerTemplates() throws {
        var concern = try Self.anonymousCase()
        let path = "/concerns/cases/\(concern.reference.value)"
        var notes = [ConcernNotification.newCase(concern, link: path),
                     ConcernNotification.overdueCase(concern, overdue: concern.overdue(on: F.day("2026-04-30")), link: path)]
        _ = try concern.escalate(by: .reporter, on: F.day("2026-04-30"))
        notes.append(ConcernNotification.newCase(concern, link: path))
        for note in notes {
            let text = note.subject + "\n" + note.body
            for word in Self.caseWords { #expect(!text.contains(word), "\(word) in \(text)") }
            #expect(text.contains(concern.reference.value))
            #expect(note.body.contains(path))
        }
        #expect(notes[1].body.contains("is overdue for a response."))
        #expect(notes[2].body.contains("escalated to your team at pathway 2"))
    }

    @Test("an anonymous reporter gets no notification at all; a named one gets no text and no name")
    func reporterTemplates() throws {
        #expect(ConcernNotification.replyReceived(try Self.anonymousCase(), link: "/x") == nil)
        var named = F.received(F.submission(reporter: .confidential(F.identity()), whatHappened: "Zanzibar"))
        _ = try named.messageReporter("Tangerine", by: "h", on: F.monday)
        let note = try #require(ConcernNotification.replyReceived(named, link: "/my/concerns/\(named.reference.value)"))
        for word in ["Zanzibar", "Tangerine", "Sam", "sam@example.org"] {
            #expect(!(note.subject + note.body).contains(word))
        }
        #expect(note.body.contains("/my/concerns/CN-AAAAA-00001"))
        let noAccount = F.received(F.submission(reporter: .open(F.identity(account: nil))))
        #expect(ConcernNotification.replyReceived(noAccount, link: "/x") == nil)
    }

    @Test("the overdue template names the acknowledgement when only it is late")
    func overdueWording() {
        let concern = F.received()
        let note = ConcernNotification.overdueCase(concern, overdue: concern.overdue(on: F.day("2026-03-05")), link: "/c")
        #expect(note.body.hasPrefix("Concern CN-AAAAA-00001 is overdue for acknowledgement."))
    }
}

import Testing
@testable import EduQualityDomain

@Suite("Comment keyword pre-flagging")
struct CommentKeywordsTests {
    static let keywords = CommentKeywords(lists: [
        .init(name: "patient-safety", weight: 10, terms: ["harm", "near miss", "unsafe"]),
        .init(name: "bullying", weight: 8, terms: ["bullied", "shouted at", "undermined"]),
    ])

    @Test("whole words and phrases match, ignoring case and punctuation")
    func matching() {
        let m = Self.keywords.match("I was SHOUTED AT, and felt it was unsafe.")
        #expect(m.lists == ["patient-safety", "bullying"])
        #expect(m.score == 18)
    }

    @Test("a term inside another word does not match")
    func partialWords() {
        #expect(Self.keywords.match("The pharmacy team were great").score == 0)
        #expect(Self.keywords.match("A near-miss was reported").lists == ["patient-safety"])
    }

    @Test("a triage outcome is set once")
    func outcomes() {
        #expect(CommentTriageOutcome.untriaged.mayChange(to: .noAction))
        #expect(!CommentTriageOutcome.noAction.mayChange(to: .shareWithProvider))
        #expect(!CommentTriageOutcome.untriaged.mayChange(to: .untriaged))
    }
}

@Suite("Comments that become concerns")
struct CommentEscalationTests {
    @Test("the concern's category follows the comment")
    func category() {
        #expect(CommentEscalation.category(freeTextKind: "patient-safety", keywordLists: []) == .patientSafety)
        #expect(CommentEscalation.category(freeTextKind: "could-be-improved", keywordLists: ["bullying-undermining"]) == .bullyingHarassmentUndermining)
        #expect(CommentEscalation.category(freeTextKind: "could-be-improved", keywordLists: ["sexual-safety", "bullying-undermining"]) == .sexualSafety)
        #expect(CommentEscalation.category(freeTextKind: "could-be-improved", keywordLists: []) == .other)
    }

    @Test("age bands for the queue")
    func ages() {
        let today = CalendarDay(iso: "2026-11-26")!
        #expect(CommentEscalation.ageBand(submittedOn: CalendarDay(iso: "2026-11-19")!, today: today) == "up to a week")
        #expect(CommentEscalation.ageBand(submittedOn: CalendarDay(iso: "2026-11-18")!, today: today) == "8 to 30 days")
        #expect(CommentEscalation.ageBand(submittedOn: CalendarDay(iso: "2026-10-01")!, today: today) == "over 30 days")
    }
}

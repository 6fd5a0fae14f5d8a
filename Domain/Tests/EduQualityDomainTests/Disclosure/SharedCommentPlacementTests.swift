import Testing
@testable import EduQualityDomain

@Suite("Shared comment placement")
struct SharedCommentPlacementTests {
    /// Respondents at the organisation: 10 at site S1 (2 of them student nurses, 8 doctors in
    /// year 1), 1 at site S2 (a student nurse).
    static let respondents: [SharedCommentPlacement.Respondent] =
        Array(repeating: .init(site: "S1", profession: "student-nurse", level: "year-2"), count: 2)
        + Array(repeating: .init(site: "S1", profession: "doctor", level: "year-1"), count: 8)
        + [.init(site: "S2", profession: "student-nurse", level: "year-2")]

    static func placement(_ site: String?, _ profession: String?, _ level: String?, threshold: Int = 3) -> SharedCommentPlacement {
        SharedCommentPlacement(site: site, profession: profession, level: level, threshold: DisclosureThreshold(threshold)!,
                               among: respondents)
    }

    @Test("each attribute is shown only while at least threshold respondents share what is shown")
    func coarsening() {
        // a doctor at S1: 8 share site, profession and level
        #expect(Self.placement("S1", "doctor", "year-1") == Self.placement("S1", "doctor", "year-1", threshold: 8))
        #expect(Self.placement("S1", "doctor", "year-1").site == "S1")
        #expect(Self.placement("S1", "doctor", "year-1").level == "year-1")
        // a student nurse at S1: the site is shared by 10, site and profession by 2 only
        let nurse = Self.placement("S1", "student-nurse", "year-2")
        #expect(nurse.site == "S1" && nurse.profession == nil)
        #expect(nurse.level == nil, "site and level: 2 again")
        // the lone learner at S2: no site; as a student nurse at the organisation, 3 share it
        let lone = Self.placement("S2", "student-nurse", "year-2")
        #expect(lone.site == nil && lone.profession == "student-nurse" && lone.level == "year-2")
        // at threshold 10 nothing narrower than the organisation is shown for the nurse
        let strict = Self.placement("S1", "student-nurse", "year-2", threshold: 10)
        #expect(strict.site == "S1" && strict.profession == nil && strict.level == nil)
        #expect(Self.placement("S2", "student-nurse", "year-2", threshold: 10) == Self.placement(nil, nil, nil))
    }

    @Test("every combination shown is shared by at least threshold respondents", arguments: [2, 3, 5, 10])
    func neverBelowThreshold(threshold: Int) {
        for site in ["S1", "S2", nil] as [String?] {
            for profession in ["doctor", "student-nurse", nil] as [String?] {
                for level in ["year-1", "year-2", nil] as [String?] {
                    let p = Self.placement(site, profession, level, threshold: threshold)
                    var shown = [SharedCommentPlacement.Attribute: String]()
                    shown[.site] = p.site
                    shown[.profession] = p.profession
                    shown[.level] = p.level
                    if !shown.isEmpty { #expect(Self.respondents.count { $0.shares(shown) } >= threshold, "\(shown)") }
                }
            }
        }
    }
}

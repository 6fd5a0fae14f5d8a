/// What a provider is told about where a survey comment shared with it came from. A provider
/// knows its own learners, so the exact day, site, profession and level of a comment could name
/// its author. Outside the regional and national quality teams a shared comment carries the
/// round, never the day, and its site, profession and level only while the placement shown so far
/// is shared by at least the threshold number of that round's respondents at the organisation:
/// site first, then profession, then level, each kept only if the combination with it still is.
public struct SharedCommentPlacement: Hashable, Sendable {
    public enum Attribute: String, Hashable, Sendable, CaseIterable {
        case site, profession, level
    }

    public let site: String?
    public let profession: String?
    public let level: String?

    /// One respondent of the round at the organisation, as far as this rule looks.
    public struct Respondent: Hashable, Sendable {
        public let site: String?, profession: String, level: String?
        public init(site: String?, profession: String, level: String?) {
            self.site = site
            self.profession = profession
            self.level = level
        }

        func shares(_ shown: [Attribute: String]) -> Bool {
            shown.allSatisfy { attribute, value in
                switch attribute {
                case .site: site == value
                case .profession: profession == value
                case .level: level == value
                }
            }
        }
    }

    /// The comment's placement as shown, given the round's respondents at its organisation.
    public init(site: String?, profession: String?, level: String?, threshold: DisclosureThreshold,
                among respondents: [Respondent]) {
        var shown = [Attribute: String]()
        for (attribute, value) in [(Attribute.site, site), (.profession, profession), (.level, level)] {
            guard let value else { continue }
            var candidate = shown
            candidate[attribute] = value
            if threshold.allows(respondents.count { $0.shares(candidate) }) { shown = candidate }
        }
        self.site = shown[.site]
        self.profession = shown[.profession]
        self.level = shown[.level]
    }
}

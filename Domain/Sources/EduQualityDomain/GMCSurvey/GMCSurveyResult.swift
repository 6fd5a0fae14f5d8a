/// One imported result of the GMC national training survey: an indicator's score and flag for a
/// specialty at an organisation (and optionally one of its sites) in a survey year.
public struct GMCSurveyResult: Hashable, Sendable {
    public let key: GMCSurveyReference
    public let score: Double
    public let flag: GMCFlag

    public init(key: GMCSurveyReference, score: Double, flag: GMCFlag) {
        self.key = key
        self.score = score
        self.flag = flag
    }

    public var year: Int { key.year }
    public var organisation: String { key.organisation }
    public var site: String? { key.site }
    public var specialty: String { key.specialty }
    public var indicator: String { key.indicator }

    /// The stable reference other services link to, `YEAR/ORGANISATION/SITE/SPECIALTY/INDICATOR`.
    public var reference: String { key.description }

    /// Same score and flag: a second import of it adds nothing.
    public func isSameFigures(as other: GMCSurveyResult) -> Bool { score == other.score && flag == other.flag }
}

/// What identifies a result: year, organisation, site (`-` for none), specialty and indicator,
/// written `2026/T001/T001-01/acute-medicine/workload`. Reference-data codes never contain `/`
/// and never start with `-`, so the text form is unambiguous.
public struct GMCSurveyReference: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let organisation: String
    public let site: String?
    public let specialty: String
    public let indicator: String

    public init(year: Int, organisation: String, site: String?, specialty: String, indicator: String) {
        self.year = year
        self.organisation = organisation
        self.site = site
        self.specialty = specialty
        self.indicator = indicator
    }

    /// Parses the text form; nil unless it has five parts and a four-digit year.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), let year = Int(parts[0]),
              parts.dropFirst().allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(year: year, organisation: parts[1], site: parts[2] == "-" ? nil : parts[2],
                  specialty: parts[3], indicator: parts[4])
    }

    public var description: String { "\(year)/\(organisation)/\(site ?? "-")/\(specialty)/\(indicator)" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

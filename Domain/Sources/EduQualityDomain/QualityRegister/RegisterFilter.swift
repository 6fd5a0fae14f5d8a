/// The register's search: every field optional, all given ones must match. The same filter serves
/// the page (from its query string), the API and the CSV export.
public struct RegisterFilter: Hashable, Sendable {
    public var region: String?
    public var organisation: String?
    public var status: RegisterEntryStatus?
    public var band: String?
    public var standard: String?
    public var profession: String?
    public var reviewOverdue: Bool
    public var likelihood: Int?
    public var impact: Int?
    /// Words that must all appear in the reference, title or description (any case).
    public var text: String?

    public init(region: String? = nil, organisation: String? = nil, status: RegisterEntryStatus? = nil,
                band: String? = nil, standard: String? = nil, profession: String? = nil,
                reviewOverdue: Bool = false, likelihood: Int? = nil, impact: Int? = nil, text: String? = nil) {
        self.region = region
        self.organisation = organisation
        self.status = status
        self.band = band
        self.standard = standard
        self.profession = profession
        self.reviewOverdue = reviewOverdue
        self.likelihood = likelihood
        self.impact = impact
        self.text = text
    }

    public func matches(_ entry: RegisterEntry, bands: RiskBands, today: CalendarDay) -> Bool {
        if let region, entry.region != region { return false }
        if let organisation, entry.organisation != organisation { return false }
        if let status, entry.status != status { return false }
        if let band, bands.band(for: entry.risk).code != band { return false }
        if let standard, !entry.standards.contains(standard) { return false }
        if let profession, !entry.professions.contains(profession) { return false }
        if reviewOverdue, !entry.isReviewOverdue(on: today) { return false }
        if let likelihood, entry.risk.likelihood != likelihood { return false }
        if let impact, entry.risk.impact != impact { return false }
        if let text {
            let haystack = "\(entry.reference) \(entry.title) \(entry.description)".lowercased()
            for word in text.lowercased().split(whereSeparator: \.isWhitespace) where !haystack.contains(word) {
                return false
            }
        }
        return true
    }

    /// The filter with the matrix cell (likelihood, impact) chosen, for the matrix's links.
    public func cell(likelihood: Int, impact: Int) -> RegisterFilter {
        var filter = self
        filter.likelihood = likelihood
        filter.impact = impact
        return filter
    }
}

/// How many entries sit in each cell of the 5 × 5 matrix.
public struct RiskMatrix: Hashable, Sendable {
    /// counts[likelihood - 1][impact - 1].
    public private(set) var counts: [[Int]]

    public init(_ entries: some Sequence<RegisterEntry>) {
        counts = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        for entry in entries { counts[entry.risk.likelihood - 1][entry.risk.impact - 1] += 1 }
    }

    public func count(likelihood: Int, impact: Int) -> Int { counts[likelihood - 1][impact - 1] }

    public var total: Int { counts.joined().reduce(0, +) }
}

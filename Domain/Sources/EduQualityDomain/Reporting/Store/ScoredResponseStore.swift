/// The reporting engine's compact in-memory copy of scored responses. The database stays the
/// system of record; the web app appends each response as it arrives (wrapping this value in a
/// lock) so that a report query never scans the database.
///
/// Layout: one `RoundColumns` per round; dimension codes dictionary-encoded as UInt16; each
/// respondent's theme scores precomputed at append (NaN = no score); item answers as bytes.
/// A value type: copies share storage until one of them appends (copy-on-write), so a reader
/// may take a snapshot under the app's lock and query it outside.
public struct ScoredResponseStore: Sendable {
    public let scheme: ScoringScheme
    let items: [ScoredItem]
    let themeItems: [Range<Int>]  // each theme's items as a range of `items`
    private let itemIndex: [String: Int]

    private(set) var roundCodes = CodeDictionary()  // id − 1 is the index in `rounds`
    private(set) var rounds: [RoundColumns] = []
    private(set) var dictionaries = Array(repeating: CodeDictionary(), count: ReportDimension.columnCount)
    private(set) var hierarchy = PlaceHierarchy()

    public init(scheme: ScoringScheme) {
        self.scheme = scheme
        items = scheme.items
        var ranges: [Range<Int>] = [], start = 0
        for theme in scheme.themes {
            ranges.append(start..<(start + theme.items.count))
            start += theme.items.count
        }
        themeItems = ranges
        itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.code, $0) })
    }

    /// Responses held, over all rounds.
    public var count: Int { rounds.reduce(0) { $0 + $1.count } }

    /// Round codes in the order they were first registered or seen.
    public var roundCodesInOrder: [String] { Array(roundCodes.codes.dropFirst()) }

    /// Every known code of a dimension (from reference data or responses) in code order, for
    /// filter lists.
    public func codes(of dimension: ReportDimension) -> [String] {
        guard let column = dimension.column else { return [ReportDimension.nationalCode] }
        return dictionaries[column].idsInCodeOrder.map { dictionaries[column].code(of: $0) }
    }

    /// The same store with the responses of every other round left out (those rounds stay known,
    /// and empty): what the public may query while some rounds are unpublished.
    public func keepingRounds(_ codes: Set<String>) -> ScoredResponseStore {
        var copy = self
        for (index, code) in roundCodesInOrder.enumerated() where !codes.contains(code) {
            copy.rounds[index] = RoundColumns(themeCount: scheme.themes.count, itemCount: items.count)
        }
        return copy
    }

    // MARK: reference data

    /// Makes a round known before any response arrives (queries about it then answer with no
    /// rows rather than an unknown-round error). Rounds are reported in registration order.
    public mutating func registerRound(_ code: String) throws(ResponseIngestError) {
        _ = try roundIndex(interning: code)
    }

    /// Makes a place known, with its parents, before any response names it.
    public mutating func registerPlace(region: String, organisation: String? = nil, site: String? = nil) throws(ResponseIngestError) {
        guard site == nil || organisation != nil else { throw .siteWithoutOrganisation(site!) }
        let ids = try checkedPlace(region: region, organisation: organisation, site: site)
        commitPlace(ids)
    }

    /// Makes a code of a non-place dimension (profession, specialty, …) known.
    public mutating func registerCode(_ code: String, of dimension: ReportDimension) throws(ResponseIngestError) {
        guard let column = dimension.column, ![.region, .organisation, .site].contains(dimension) else {
            throw .placeNeedsParents(dimension)
        }
        guard !code.isEmpty else { throw .emptyCode(dimension) }
        guard dictionaries[column].intern(code) != nil else { throw .tooManyCodes(dimension) }
    }

    // MARK: appending responses

    /// Scores a response and adds it; throws (leaving the store unchanged) if an answer does not
    /// fit the scheme or the placement contradicts the known place hierarchy.
    public mutating func append(_ record: ResponseRecord) throws(ResponseIngestError) {
        let encoded = try encodeAnswers(record)
        let place = try checkedPlace(region: record.region, organisation: record.organisation, site: record.site)
        let codes = record.dimensionCodes
        for (column, code) in codes.enumerated() {
            if let code, code.isEmpty { throw .emptyCode(ReportDimension.columnDimensions[column]) }
        }
        for column in 3..<ReportDimension.columnCount {
            if let code = codes[column], dictionaries[column].id(of: code) == nil,
               dictionaries[column].count >= Int(UInt16.max) {
                throw .tooManyCodes(ReportDimension.columnDimensions[column])
            }
        }
        let round = try roundIndex(interning: record.round)
        commitPlace(place)
        var ids = [UInt16](repeating: 0, count: ReportDimension.columnCount)
        for (column, code) in codes.enumerated() {
            if let code { ids[column] = dictionaries[column].intern(code)! }  // room checked above
        }
        let themeScores = scoreThemes(encoded, profession: record.profession)
        rounds[round].append(dimensions: ids, themeScores: themeScores, answers: encoded)
    }

    public mutating func append<Records: Sequence>(contentsOf records: Records) throws(ResponseIngestError)
    where Records.Element == ResponseRecord {
        for record in records { try append(record) }
    }

    /// Reserves room for `n` more responses in a round (bulk loading at start-up).
    public mutating func reserveCapacity(_ n: Int, inRound round: String) throws(ResponseIngestError) {
        let index = try roundIndex(interning: round)
        rounds[index].reserveCapacity(rounds[index].count + n)
    }

    private mutating func roundIndex(interning code: String) throws(ResponseIngestError) -> Int {
        guard !code.isEmpty else { throw .emptyCode(.national) }
        guard let id = roundCodes.intern(code) else { throw .tooManyCodes(.national) }
        while rounds.count < Int(id) {
            rounds.append(RoundColumns(themeCount: scheme.themes.count, itemCount: items.count))
        }
        return Int(id) - 1
    }

    /// Answers as bytes in item order; answers to items not shown to the profession are dropped.
    private func encodeAnswers(_ record: ResponseRecord) throws(ResponseIngestError) -> [UInt8] {
        var encoded = [UInt8](repeating: RoundColumns.unanswered, count: items.count)
        for (code, answer) in record.answers {
            guard let i = itemIndex[code] else { throw .unknownItem(code) }
            let item = items[i]
            switch answer {
            case .rank(let rank):
                guard (1...item.scalePoints).contains(rank) else {
                    throw .rankOutOfScale(item: code, rank: rank, scalePoints: item.scalePoints)
                }
                if item.isShown(to: record.profession) { encoded[i] = UInt8(rank) }
            case .notApplicable:
                guard item.allowsNotApplicable else { throw .notApplicableNotAllowed(item: code) }
                if item.isShown(to: record.profession) { encoded[i] = RoundColumns.notApplicable }
            case .unanswered:
                break
            }
        }
        return encoded
    }

    /// The respondent's score per theme, by the scheme's one scoring rule read off the bytes.
    private func scoreThemes(_ encoded: [UInt8], profession: String) -> [ThemeScore] {
        zip(scheme.themes, themeItems).map { theme, range in
            scheme.score(theme, profession: profession) { position in
                let answer = encoded[range.lowerBound + position]
                return answer == RoundColumns.unanswered || answer == RoundColumns.notApplicable ? nil : Int(answer)
            }
        }
    }

    // MARK: place hierarchy

    private struct PlaceIDs {
        var region: String, organisation: String?, site: String?
    }

    /// Checks a placement against the known hierarchy without changing anything.
    private func checkedPlace(region: String, organisation: String?, site: String?) throws(ResponseIngestError) -> PlaceIDs {
        guard !region.isEmpty else { throw .emptyCode(.region) }
        let regions = dictionaries[ReportDimension.region.column!]
        let organisations = dictionaries[ReportDimension.organisation.column!]
        let sites = dictionaries[ReportDimension.site.column!]
        if let organisation {
            guard !organisation.isEmpty else { throw .emptyCode(.organisation) }
            if let o = organisations.id(of: organisation) {
                let known = hierarchy.region(ofOrganisation: o)
                if known != 0, known != regions.id(of: region) {
                    throw .organisationInAnotherRegion(organisation: organisation, region: regions.code(of: known))
                }
            }
            if let site {
                guard !site.isEmpty else { throw .emptyCode(.site) }
                if let s = sites.id(of: site) {
                    let known = hierarchy.organisation(ofSite: s)
                    if known != 0, known != organisations.id(of: organisation) {
                        throw .siteInAnotherOrganisation(site: site, organisation: organisations.code(of: known))
                    }
                }
            }
        }
        for (dimension, code) in [(ReportDimension.region, Optional(region)), (.organisation, organisation), (.site, site)] {
            if let code, dictionaries[dimension.column!].id(of: code) == nil,
               dictionaries[dimension.column!].count >= Int(UInt16.max) {
                throw .tooManyCodes(dimension)
            }
        }
        return PlaceIDs(region: region, organisation: organisation, site: site)
    }

    private mutating func commitPlace(_ place: PlaceIDs) {
        let r = dictionaries[ReportDimension.region.column!].intern(place.region)!
        guard let organisation = place.organisation else { return }
        let o = dictionaries[ReportDimension.organisation.column!].intern(organisation)!
        _ = hierarchy.place(organisation: o, in: r)
        guard let site = place.site else { return }
        let s = dictionaries[ReportDimension.site.column!].intern(site)!
        _ = hierarchy.place(site: s, in: o)
    }
}

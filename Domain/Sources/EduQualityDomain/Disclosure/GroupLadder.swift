/// The grouping of a report table, seen as the last constraint of each cell (group = g) with its
/// own ladder of relaxations for rule (c).
///
/// Rows are given a group id. For `site`, rows without a site get a pseudo-group per
/// organisation (id siteCount + organisation id): they belong to no published cell but do belong
/// to the organisation- and region-level relaxations of every site of their organisation, and
/// rule (b) counts them as hidden siblings of those sites. Likewise id 0 ("not stated") of a
/// column dimension.
struct GroupLadder: Sendable {
    enum RowGroup: Sendable {
        case everyone
        case column(Int)
        case siteOrOrganisation(siteCount: Int)
    }

    struct Level: Sendable {
        let cardinality: Int
        let ancestor: [Int32]  // group id → the id of its ancestor at this level
    }

    let dimension: ReportDimension
    let rowGroup: RowGroup
    /// Group ids 0..<groupCount (pseudo-groups included).
    let groupCount: Int
    /// Levels above the group itself, widest last ("dropped" = one id for everyone).
    let wider: [Level]

    init(dimension: ReportDimension, dictionaries: [CodeDictionary], hierarchy: PlaceHierarchy) {
        self.dimension = dimension
        func count(_ d: ReportDimension) -> Int { dictionaries[d.column!].count }
        let dropped = { (n: Int) in Level(cardinality: 1, ancestor: Array(repeating: 0, count: n)) }
        switch dimension {
        case .national:
            rowGroup = .everyone
            groupCount = 1
            wider = []
        case .site:
            let sites = count(.site), organisations = count(.organisation)
            rowGroup = .siteOrOrganisation(siteCount: sites)
            groupCount = sites + organisations
            let organisationOf = (0..<groupCount).map { g in
                Int32(g < sites ? Int(hierarchy.organisation(ofSite: UInt16(g))) : g - sites)
            }
            let regionOf = organisationOf.map { Int32(hierarchy.region(ofOrganisation: UInt16($0))) }
            wider = [Level(cardinality: organisations, ancestor: organisationOf),
                     Level(cardinality: count(.region), ancestor: regionOf),
                     dropped(groupCount)]
        case .organisation:
            rowGroup = .column(dimension.column!)
            groupCount = count(.organisation)
            let regionOf = (0..<groupCount).map { Int32(hierarchy.region(ofOrganisation: UInt16($0))) }
            wider = [Level(cardinality: count(.region), ancestor: regionOf), dropped(groupCount)]
        default:
            rowGroup = .column(dimension.column!)
            groupCount = count(dimension)
            wider = [dropped(groupCount)]
        }
    }

    func code(ofGroup g: Int, dictionaries: [CodeDictionary]) -> String {
        guard let column = dimension.column else { return ReportDimension.nationalCode }
        return dictionaries[column].code(of: UInt16(g))
    }

    @inline(__always)
    func group(ofRowAt base: Int, in dimensions: UnsafeBufferPointer<UInt16>) -> Int {
        switch rowGroup {
        case .everyone:
            return 0
        case .column(let column):
            return Int(dimensions[base &+ column])
        case .siteOrOrganisation(let siteCount):
            let site = Int(dimensions[base &+ ReportDimension.site.column!])
            return site != 0 ? site : siteCount &+ Int(dimensions[base &+ ReportDimension.organisation.column!])
        }
    }
}

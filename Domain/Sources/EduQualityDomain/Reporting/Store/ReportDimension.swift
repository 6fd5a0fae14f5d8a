/// A way to cut the survey population; the raw values are the API's values.
public enum ReportDimension: String, Sendable, Hashable, CaseIterable, Codable {
    case national, region, organisation, site, profession, specialty
    case placementType = "placement_type"
    case level

    /// The next wider place: a site lies in one organisation, an organisation in one region.
    public var parent: ReportDimension? {
        switch self {
        case .site: .organisation
        case .organisation: .region
        default: nil
        }
    }

    /// The store's column for the dimension (national has none: it is everyone).
    var column: Int? {
        switch self {
        case .national: nil
        case .region: 0
        case .organisation: 1
        case .site: 2
        case .profession: 3
        case .specialty: 4
        case .placementType: 5
        case .level: 6
        }
    }

    static let columnCount = 7
    static let columnDimensions: [ReportDimension] = [.region, .organisation, .site, .profession, .specialty, .placementType, .level]

    /// The single group of the `national` dimension.
    public static let nationalCode = "national"
}

/// The GMC national training survey's outlier colours for a result, against the national
/// benchmark. Colour is never the only cue: every flag has a name said in words.
public enum GMCFlag: String, CaseIterable, Hashable, Sendable, Codable {
    case red
    case pink
    case white
    case lightGreen = "light-green"
    case green

    public var label: String {
        switch self {
        case .red: "Red"
        case .pink: "Pink"
        case .white: "White"
        case .lightGreen: "Light green"
        case .green: "Green"
        }
    }

    /// What the colour says, as the GMC's reporting tool explains its flags.
    public var meaning: String {
        switch self {
        case .red: "below outlier: in the lowest quartile and significantly below the national mean"
        case .pink: "in the lowest quartile, not significantly below the national mean"
        case .white: "within the interquartile range"
        case .lightGreen: "in the highest quartile, not significantly above the national mean"
        case .green: "above outlier: in the highest quartile and significantly above the national mean"
        }
    }

    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

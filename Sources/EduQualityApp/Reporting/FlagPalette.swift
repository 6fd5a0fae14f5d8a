import EduQualityDomain

/// The one definition of how each outlier flag looks: the SVG charts take their fills from it,
/// the key (`reports/legend.leaf`) its wording, and `Public/css/app.css` must hold exactly the
/// rules `cssRules` renders (a test compares them), so a chart dot, a grid cell and the key
/// never disagree.
enum FlagPalette {
    struct Style: Sendable {
        let background: String
        let text: String
        /// The colour's name in the key.
        let label: String
        /// What the flag means, after the name in the key.
        let meaning: String
    }

    static func style(_ flag: OutlierFlag) -> Style {
        switch flag {
        case .red: Style(background: "#d5281b", text: "#ffffff", label: "Red",
                         meaning: "in the bottom quarter, clearly below the benchmark")
        case .pink: Style(background: "#f4a6b5", text: ChartColour.text, label: "Pink", meaning: "in the bottom quarter")
        case .white: Style(background: ChartColour.white, text: ChartColour.text, label: "White", meaning: "in the middle half")
        case .lightgreen: Style(background: "#a3d9a5", text: ChartColour.text, label: "Light green", meaning: "in the top quarter")
        case .green: Style(background: "#007f3b", text: "#ffffff", label: "Green",
                           meaning: "in the top quarter, clearly above the benchmark")
        case .suppressed: Style(background: ChartColour.paleGrey, text: ChartColour.text, label: "Grey",
                                meaning: "\(ReportFormat.notShown): \(ReportFormat.whyNotShown)")
        }
    }

    static func fill(_ flag: OutlierFlag) -> String { style(flag).background }

    /// The flag in words, lower case, for text alternatives ("light green", not `lightgreen`).
    static func name(_ flag: OutlierFlag) -> String { style(flag).label.lowercased() }

    /// One line of the key, for `reports/legend.leaf`.
    struct LegendEntry: Encodable {
        let flag, label, meaning: String
    }

    static let legend: [LegendEntry] = OutlierFlag.allCases.map {
        LegendEntry(flag: $0.rawValue, label: style($0).label, meaning: style($0).meaning)
    }

    /// The `.eq-flag--…` rules, one line per flag in `OutlierFlag` order, as in `app.css`.
    static var cssRules: String {
        OutlierFlag.allCases.map { flag in
            ".eq-flag--\(flag.rawValue) { background: \(style(flag).background); color: \(style(flag).text); }\n"
        }.joined()
    }
}

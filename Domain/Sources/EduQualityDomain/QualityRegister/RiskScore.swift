/// A register entry's risk: how likely harm to learning is (1 rare … 5 almost certain) times how
/// bad it would be (1 negligible … 5 catastrophic), the 5 × 5 matrix quality teams use.
public struct RiskScore: Hashable, Sendable, Codable {
    public static let scale = 1...5

    public let likelihood: Int
    public let impact: Int

    /// Nil unless both are on the 1–5 scale.
    public init?(likelihood: Int, impact: Int) {
        guard Self.scale.contains(likelihood), Self.scale.contains(impact) else { return nil }
        self.likelihood = likelihood
        self.impact = impact
    }

    public var score: Int { likelihood * impact }

    /// Every score the matrix can produce (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25).
    public static let possibleScores: [Int] = Array(Set(scale.flatMap { l in scale.map { l * $0 } })).sorted()

    public static let likelihoodNames = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
    public static let impactNames = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"]
}

/// A named range of scores. Bands are configurable data (`Seed/reference/risk-bands.json`).
public struct RiskBand: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    public let lowest: Int
    public let highest: Int

    public init(code: String, name: String, lowest: Int, highest: Int) {
        self.code = code
        self.name = name
        self.lowest = lowest
        self.highest = highest
    }

    public func contains(_ score: Int) -> Bool { (lowest...highest).contains(score) }
}

/// The bands in order, lowest first, covering every possible score exactly once.
public struct RiskBands: Hashable, Sendable {
    public let bands: [RiskBand]

    public static let standard = try! RiskBands([
        RiskBand(code: "low", name: "Low", lowest: 1, highest: 3),
        RiskBand(code: "moderate", name: "Moderate", lowest: 4, highest: 6),
        RiskBand(code: "high", name: "High", lowest: 8, highest: 12),
        RiskBand(code: "extreme", name: "Extreme", lowest: 15, highest: 25),
    ])

    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    public init(_ bands: [RiskBand]) throws(Invalid) {
        guard !bands.isEmpty else { throw Invalid(reason: "at least one band is needed") }
        guard Set(bands.map(\.code)).count == bands.count else { throw Invalid(reason: "band codes must differ") }
        for band in bands where band.lowest > band.highest {
            throw Invalid(reason: "band \(band.code) runs from \(band.lowest) down to \(band.highest)")
        }
        for (a, b) in zip(bands, bands.dropFirst()) where b.lowest <= a.highest {
            throw Invalid(reason: "band \(b.code) must start above \(a.code)'s highest score \(a.highest)")
        }
        for score in RiskScore.possibleScores where !bands.contains(where: { $0.contains(score) }) {
            throw Invalid(reason: "score \(score) falls in no band")
        }
        self.bands = bands
    }

    public func band(for score: Int) -> RiskBand {
        bands.first { $0.contains(score) } ?? bands.last!
    }

    public func band(for risk: RiskScore) -> RiskBand { band(for: risk.score) }

    public func band(code: String) -> RiskBand? { bands.first { $0.code == code } }
}

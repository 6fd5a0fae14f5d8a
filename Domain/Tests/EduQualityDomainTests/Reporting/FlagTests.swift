import Testing
@testable import EduQualityDomain

/// Benchmark: Q1 40, Q3 70, 95% CI [54, 56]. Group CIs follow from n, mean and SD through
/// t(0.975, n−1); where a test needs a CI end to touch the benchmark's exactly, it builds the
/// benchmark from the group's computed CI so the comparison is of identical numbers.
@Suite("Outlier flags")
struct FlagTests {
    static let benchmark = BenchmarkFigures(n: 1000, mean: 55, q1: 40, q3: 70, ciLow: 54, ciHigh: 56)
    static let three = DisclosureThreshold.standard

    static func group(mean: Double, sd: Double, n: Int = 30) -> GroupSummary {
        GroupSummary(n: n, mean: mean, sd: sd)
    }

    @Test("fewer respondents than the threshold → suppressed, before anything else")
    func suppressed() {
        #expect(OutlierFlag.classify(group: Self.group(mean: 10, sd: 1, n: 2), benchmark: Self.benchmark, threshold: Self.three) == .suppressed)
        #expect(OutlierFlag.classify(group: Self.group(mean: 10, sd: 1, n: 9), benchmark: Self.benchmark,
                              threshold: DisclosureThreshold(10)!) == .suppressed)
        #expect(OutlierFlag.classify(group: Self.group(mean: 10, sd: 1, n: 3), benchmark: Self.benchmark, threshold: Self.three) == .red)
    }

    @Test("mean at or below Q1: red when the CIs do not overlap, pink when they do")
    func low() {
        // n 30, SD 5: half-width 2.045·5/√30 ≈ 1.87, so mean 40 gives CI ≈ [38.1, 41.9] < 54 → red.
        #expect(OutlierFlag.classify(group: Self.group(mean: 40, sd: 5), benchmark: Self.benchmark, threshold: Self.three) == .red)
        #expect(OutlierFlag.classify(group: Self.group(mean: 39.9, sd: 5), benchmark: Self.benchmark, threshold: Self.three) == .red)
        // SD 40: half-width ≈ 14.9, CI ≈ [25.1, 54.9] reaches 54 → pink.
        #expect(OutlierFlag.classify(group: Self.group(mean: 40, sd: 40), benchmark: Self.benchmark, threshold: Self.three) == .pink)
        // Just above Q1 is not low at all.
        #expect(OutlierFlag.classify(group: Self.group(mean: 40.0001, sd: 5), benchmark: Self.benchmark, threshold: Self.three) == .white)
    }

    @Test("mean at or above Q3: green when the CIs do not overlap, lightgreen when they do")
    func high() {
        #expect(OutlierFlag.classify(group: Self.group(mean: 70, sd: 5), benchmark: Self.benchmark, threshold: Self.three) == .green)
        #expect(OutlierFlag.classify(group: Self.group(mean: 70, sd: 40), benchmark: Self.benchmark, threshold: Self.three) == .lightgreen)
        #expect(OutlierFlag.classify(group: Self.group(mean: 69.9999, sd: 5), benchmark: Self.benchmark, threshold: Self.three) == .white)
    }

    @Test("CIs that only touch overlap (closed intervals)")
    func touching() throws {
        let low = Self.group(mean: 40, sd: 5)
        let lowCI = try #require(low.confidenceInterval)
        // Benchmark CI starting exactly at the group's upper end → overlap → pink; a hair above → red.
        let touchingAbove = BenchmarkFigures(n: 100, mean: 60, q1: 40, q3: 70, ciLow: lowCI.upperBound, ciHigh: 70)
        #expect(OutlierFlag.classify(group: low, benchmark: touchingAbove, threshold: Self.three) == .pink)
        let apartAbove = BenchmarkFigures(n: 100, mean: 60, q1: 40, q3: 70, ciLow: lowCI.upperBound.nextUp, ciHigh: 70)
        #expect(OutlierFlag.classify(group: low, benchmark: apartAbove, threshold: Self.three) == .red)

        let high = Self.group(mean: 70, sd: 5)
        let highCI = try #require(high.confidenceInterval)
        let touchingBelow = BenchmarkFigures(n: 100, mean: 50, q1: 40, q3: 70, ciLow: 45, ciHigh: highCI.lowerBound)
        #expect(OutlierFlag.classify(group: high, benchmark: touchingBelow, threshold: Self.three) == .lightgreen)
        let apartBelow = BenchmarkFigures(n: 100, mean: 50, q1: 40, q3: 70, ciLow: 45, ciHigh: highCI.lowerBound.nextDown)
        #expect(OutlierFlag.classify(group: high, benchmark: apartBelow, threshold: Self.three) == .green)
    }

    @Test("when Q1 = Q3 a mean equal to both is checked as low first")
    func degenerateQuartiles() {
        let flat = BenchmarkFigures(n: 100, mean: 50, q1: 50, q3: 50, ciLow: 49, ciHigh: 51)
        #expect(OutlierFlag.classify(group: Self.group(mean: 50, sd: 5), benchmark: flat, threshold: Self.three) == .pink)
    }

    @Test("raw values are the API's")
    func rawValues() {
        #expect(OutlierFlag.allCases.map(\.rawValue) == ["red", "pink", "white", "lightgreen", "green", "suppressed"])
    }
}

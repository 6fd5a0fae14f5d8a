import Testing
@testable import EduQualityDomain

/// Reference values were computed with scipy 1.17 (`scipy.stats.t`, `ttest_ind(equal_var=False)`)
/// and numpy 2.4 (`np.percentile`, default linear method); the tests only compare against them.
@Suite("Reporting statistics")
struct StatisticsTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-10) -> Bool {
        abs(a - b) <= relative * max(1, abs(b))
    }

    @Test("t(0.975, df) matches scipy for df 1, 2, 5, 30 and 1000",
          arguments: [(1.0, 12.706204736174694), (2, 4.302652729749462), (5, 2.5705818356363146),
                      (30, 2.0422724563012378), (1000, 1.9623390808264083)])
    func criticalValues(df: Double, expected: Double) {
        #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: df), expected))
        #expect(Self.close(StudentT.critical975(degreesOfFreedom: Int(df)), expected))
    }

    @Test("t(0.975, df) for large df (series beyond the table) matches scipy",
          arguments: [(1025, 1.9622810843660596), (2047, 1.9611235598633847), (2048, 1.9611229933354632), (5000, 1.9604385517065073),
                      (99_999, 1.9599877077718442), (10_000_000, 1.959964221767205)])
    func largeDegreesOfFreedom(df: Int, expected: Double) {
        #expect(Self.close(StudentT.critical975(degreesOfFreedom: df), expected, relative: 1e-13))
        // The general inversion (used for Welch p-values) agrees to 1e-11 up to df 10⁵.
        if df <= 99_999 {
            #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: Double(df)), expected, relative: 1e-11))
        }
    }

    @Test("other quantiles match scipy, including the lower tail",
          arguments: [(0.9, 1.0, 3.0776835371752544), (0.9, 2, 1.8856180831641272), (0.9, 5, 1.4758840488244815),
                      (0.9, 30, 1.3104150253913955), (0.9, 1000, 1.2823987214609247),
                      (0.01, 1, -31.82051595377396), (0.01, 2, -6.964556734283274), (0.01, 5, -3.364929998907218),
                      (0.01, 30, -2.4572615424005915), (0.01, 1000, -2.330082674755513)])
    func quantiles(p: Double, df: Double, expected: Double) {
        #expect(Self.close(StudentT.quantile(p, degreesOfFreedom: df), expected))
    }

    @Test("the t CDF matches scipy, with non-integer df and deep in the tail",
          arguments: [(2.0, 3.0, 0.9303370157205785), (-1.5, 7.3, 0.08778154640154305),
                      (0.3, 1, 0.5927735790777423)])
    func cdf(t: Double, df: Double, expected: Double) {
        #expect(Self.close(StudentT.cdf(t, degreesOfFreedom: df), expected))
    }

    @Test("a tiny upper tail keeps its precision (scipy t.sf(10, 50) = 8.038667344167724e-14)")
    func tinyTail() {
        #expect(Self.close(StudentT.upperTail(10, degreesOfFreedom: 50), 8.038667344167724e-14, relative: 1e-8))
    }

    @Test("the quantile inverts the CDF across df")
    func roundTrip() {
        for df in [1.0, 1.5, 3, 7.25, 12, 99, 4000, 250_000] {
            for p in [0.001, 0.025, 0.3, 0.6, 0.975, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(Self.close(StudentT.cdf(t, degreesOfFreedom: df), p, relative: 1e-9), "df \(df) p \(p)")
            }
        }
    }

    @Test("mean, sample SD and 95% CI of 25, 50, 75, 100")
    func groupSummary() {
        // mean 62.5; squared deviations 1406.25 + 156.25 + 156.25 + 1406.25 = 3125, /3 → SD 32.274861218395145;
        // half-width t(0.975, 3)·SD/√4 = 3.182446305284263 · 32.2749 / 2 = 51.35650641901303 (numpy/scipy).
        let s = GroupSummary(of: [25, 50, 75, 100])
        #expect(s.n == 4)
        #expect(s.mean == 62.5)
        #expect(Self.close(s.sd!, 32.274861218395145))
        #expect(Self.close(s.confidenceInterval!.lowerBound, 62.5 - 51.35650641901303))
        #expect(Self.close(s.confidenceInterval!.upperBound, 62.5 + 51.35650641901303))
    }

    @Test("one respondent has a mean but no SD or CI")
    func singleRespondent() {
        let s = GroupSummary(of: [40])
        #expect(s.n == 1 && s.mean == 40 && s.sd == nil && s.confidenceInterval == nil)
    }

    @Test("a constant group has SD 0 and a CI of one point")
    func constantGroup() {
        let s = GroupSummary(of: [75, 75, 75])
        #expect(s.sd == 0)
        #expect(s.confidenceInterval == 75...75)
    }

    @Test("percentiles interpolate linearly between closest ranks (numpy's default)")
    func percentiles() {
        // [0, 25, 50, 100]: h = 3·0.25 = 0.75 → 0 + 0.75·25 = 18.75; h = 2.25 → 50 + 0.25·50 = 62.5.
        #expect(Percentile.linear(0.25, ofSorted: [0, 25, 50, 100]) == 18.75)
        #expect(Percentile.linear(0.75, ofSorted: [0, 25, 50, 100]) == 62.5)
        // Five values: h = 1 and 3 fall on ranks exactly: 20 and 40.
        #expect(Percentile.linear(0.25, ofSorted: [10, 20, 30, 40, 50]) == 20)
        #expect(Percentile.linear(0.75, ofSorted: [10, 20, 30, 40, 50]) == 40)
        // One value is every percentile.
        #expect(Percentile.linear(0.25, ofSorted: [7]) == 7)
    }

    @Test("a benchmark's running distribution gives the same percentiles as sorting, with ties")
    func distributionMatchesSorting() {
        var generator = SeededGenerator(seed: 7)
        for size in [1, 2, 3, 4, 5, 10, 101, 1000] {
            var distribution = ScoreDistribution()
            var values = [Double]()
            for _ in 0..<size {
                let value = Double(Int.random(in: 0...8, using: &generator)) * 12.5
                values.append(value)
                distribution.add(value, dimensions: .init(repeating: 1))
            }
            let sorted = values.sorted()
            for p in [0.0, 0.25, 0.5, 0.75, 1.0] {
                #expect(distribution.percentile(p) == Percentile.linear(p, ofSorted: sorted), "size \(size) p \(p)")
            }
            #expect(distribution.moments.summary == GroupSummary(of: values))
        }
    }

    @Test("Welch's test matches scipy ttest_ind(equal_var=False)")
    func welch() {
        // earlier = [40, 52.5, 61.25, 45, 58.75, 50], later = [62.5, 70, 81.25, 90, 55, 77.5, 68.75]:
        // scipy ttest_ind(earlier, later) gives t = −3.7721006981265583, df 10.56184915533976,
        // p 0.003315159755028677; our t is later − earlier, so the sign flips.
        let earlier = GroupSummary(of: [40, 52.5, 61.25, 45, 58.75, 50])
        let later = GroupSummary(of: [62.5, 70, 81.25, 90, 55, 77.5, 68.75])
        let test = WelchTest(earlier: earlier, later: later)!
        #expect(Self.close(test.t!, 3.7721006981265583, relative: 1e-9))
        #expect(Self.close(test.degreesOfFreedom!, 10.56184915533976, relative: 1e-9))
        #expect(Self.close(test.p, 0.003315159755028677, relative: 1e-8))
        #expect(test.isSignificant)

        // [60, 61, 62] vs [60.5, 61.5, 62.5, 63]: t −1.0932163332202425, df 4.715532467532468, p 0.3269736787130804.
        let small = WelchTest(earlier: GroupSummary(of: [60.5, 61.5, 62.5, 63]), later: GroupSummary(of: [60, 61, 62]))!
        #expect(Self.close(small.t!, -1.0932163332202425, relative: 1e-9))
        #expect(Self.close(small.degreesOfFreedom!, 4.715532467532468, relative: 1e-9))
        #expect(Self.close(small.p, 0.3269736787130804, relative: 1e-8))
        #expect(!small.isSignificant)
    }

    @Test("Welch's test needs two respondents per side; constant groups give p 1 or 0")
    func welchEdges() {
        #expect(WelchTest(earlier: GroupSummary(of: [50]), later: GroupSummary(of: [50, 75])) == nil)
        #expect(WelchTest(earlier: GroupSummary(of: [50, 50]), later: GroupSummary(of: [50, 50]))!.p == 1)
        #expect(WelchTest(earlier: GroupSummary(of: [50, 50]), later: GroupSummary(of: [75, 75]))!.p == 0)
    }
}


import Foundation

/// Student's t distribution with real-valued degrees of freedom (Welch–Satterthwaite df are not
/// whole numbers), computed from the regularized incomplete beta function.
public enum StudentT {
    /// P(T > t).
    public static func upperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t == .infinity { return 0 }
        if t == -.infinity { return 1 }
        // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2); 1 − x is computed as t²/(df+t²) to keep it exact.
        let t2 = t * t
        let x = df / (df + t2), y = t2 / (df + t2)
        let twoSided = IncompleteBeta.regularized(x, complement: y, a: df / 2, b: 0.5)
        return t >= 0 ? twoSided / 2 : 1 - twoSided / 2
    }

    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        upperTail(-t, degreesOfFreedom: df)
    }

    /// Two-sided p-value P(|T| ≥ |t|), computed directly so small p-values keep their precision.
    public static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        min(1, 2 * upperTail(abs(t), degreesOfFreedom: df))
    }

    /// The density, used by the Newton steps of `quantile`.
    static func density(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let logNormaliser: Double = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
        let logKernel: Double = -(df + 1) / 2 * log1p(t * t / df)
        return exp(logNormaliser + logKernel)
    }

    /// The p-quantile: the t with P(T ≤ t) = p.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        if p.isNaN || df.isNaN || df <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Solve on the upper half (the distribution is symmetric): find t > 0 with P(T > t) = q.
        let q = p > 0.5 ? 1 - p : p
        let sign: Double = p > 0.5 ? 1 : -1
        if df == 1 { return sign * tan(.pi * (0.5 - q)) }  // Cauchy: exact
        // Newton from the Cornish–Fisher start, kept inside a bisection bracket so it cannot diverge.
        var low = 0.0, high = Double.infinity
        var t = max(cornishFisherStart(q, df), 1e-3)
        for _ in 0..<200 {
            let f = upperTail(t, degreesOfFreedom: df) - q
            if f > 0 { low = t } else { high = t }
            let step = f / density(t, degreesOfFreedom: df)
            var next = t + step
            if !(next > low && next < high) || !next.isFinite {
                next = high.isFinite ? (low + high) / 2 : t * 2
            }
            if abs(next - t) <= 1e-14 * t { t = next; break }
            t = next
        }
        return sign * t
    }

    /// 95% two-sided critical value t(0.975, df) for whole df, tabulated once for small df because
    /// every confidence interval of every report cell needs one.
    public static func critical975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "a confidence interval needs at least one degree of freedom")
        if df < criticalTable.count { return criticalTable[df] }
        // Beyond the table the Cornish–Fisher series to 1/df⁴ (Abramowitz & Stegun 26.7.5) is
        // exact to double precision: against scipy it is off by 1e-16 at df 1024, 0 at 2048.
        let z = 1.959963984540054, v = Double(df)
        let z2 = z * z
        let g1 = z * (z2 + 1) / 4
        let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
        let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
        let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
        return z + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v
    }

    private static let criticalTable: [Double] = (0...1024).map { df in
        df == 0 ? .nan : quantile(0.975, degreesOfFreedom: Double(df))
    }

    /// A starting point: the normal quantile corrected by the first Cornish–Fisher terms in 1/df.
    private static func cornishFisherStart(_ q: Double, _ df: Double) -> Double {
        let z = NormalDistribution.quantile(1 - q)
        let z3 = z * z * z, z5 = z3 * z * z
        return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
    }
}

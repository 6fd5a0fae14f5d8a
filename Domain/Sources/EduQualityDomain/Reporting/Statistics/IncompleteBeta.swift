import Foundation

/// The regularized incomplete beta function I_x(a, b), the basis of the Student t distribution.
enum IncompleteBeta {
    /// I_x(a, b) for 0 ≤ x ≤ 1. `complement` is 1 − x, passed separately because callers can often
    /// compute it without the rounding of `1 - x` (which matters deep in the tails).
    static func regularized(_ x: Double, complement y: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        // The continued fraction converges fast only below the mean (a+1)/(a+b+2); above it use
        // the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
        if x < (a + 1) / (a + b + 2) {
            return front(x, y, a, b) * continuedFraction(x, a, b) / a
        }
        return 1 - front(x, y, a, b) * continuedFraction(y, b, a) / b
    }

    /// x^a (1−x)^b / B(a, b), in logs so that large a and b do not overflow.
    private static func front(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
        // log of whichever of x, y is nearer 1 through log1p of the other, which is exact.
        let logX = y < 0.5 ? log1p(-y) : log(x)
        let logY = x < 0.5 ? log1p(-x) : log(y)
        return exp(logGammaRatio(a, b) + a * logX + b * logY)
    }

    /// ln Γ(a+b) − ln Γ(a) − ln Γ(b). For a large parameter the three log-gammas are huge and
    /// nearly cancel (Student t with df 10⁵ loses 1e-11 that way), so the difference of the
    /// larger one's Stirling series is taken analytically instead.
    static func logGammaRatio(_ a: Double, _ b: Double) -> Double {
        let large = max(a, b), small = min(a, b)
        guard large >= 20 else { return lgamma(a + b) - lgamma(a) - lgamma(b) }
        // ln Γ(L+s) − ln Γ(L) = (L − ½)·ln(1 + s/L) + s·ln(L+s) − s + S(L+s) − S(L), where S is
        // the Stirling correction 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷).
        func stirling(_ x: Double) -> Double {
            let x2 = x * x
            return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * x2)) / x2) / x2) / x
        }
        let difference = (large - 0.5) * log1p(small / large) + small * log(large + small) - small
            + (stirling(large + small) - stirling(large))
        return difference - lgamma(small)
    }

    /// The continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes §6.4).
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}

/// Percentiles by linear interpolation between closest ranks (numpy's default "linear" method):
/// for sorted values v₀…v_{n−1}, position h = (n−1)·p, value v⌊h⌋ + (h − ⌊h⌋)·(v⌊h⌋₊₁ − v⌊h⌋).
public enum Percentile {
    public static func linear(_ p: Double, ofSorted sorted: [Double]) -> Double {
        sorted.withUnsafeBufferPointer { linear(p, ofSorted: $0) }
    }

    static func linear(_ p: Double, ofSorted v: UnsafeBufferPointer<Double>) -> Double {
        precondition(!v.isEmpty, "a percentile of no values")
        let h = Double(v.count - 1) * p
        let lo = Int(h.rounded(.down))
        let fraction = h - Double(lo)
        if lo + 1 >= v.count || fraction == 0 { return v[lo] }
        return v[lo] + fraction * (v[lo + 1] - v[lo])
    }
}

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

    /// The same percentile without sorting: selects the two order statistics it needs in expected
    /// linear time, reordering `values` in place. Used for benchmark populations of 100k scores.
    static func linearBySelection(_ p: Double, in values: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(!values.isEmpty, "a percentile of no values")
        let h = Double(values.count - 1) * p
        let lo = Int(h.rounded(.down))
        let fraction = h - Double(lo)
        let low = select(lo, in: values, from: 0, to: values.count - 1)
        if lo + 1 >= values.count || fraction == 0 { return low }
        // After selecting rank lo, everything right of it is ≥ it: the next order statistic is
        // the minimum of that part.
        var next = Double.infinity
        for i in (lo + 1)..<values.count where values[i] < next { next = values[i] }
        return low + fraction * (next - low)
    }

    /// Quickselect (Hoare partition, median-of-three pivot): the k-th smallest of v[left...right].
    private static func select(_ k: Int, in v: UnsafeMutableBufferPointer<Double>, from left: Int, to right: Int) -> Double {
        var left = left, right = right
        while right > left {
            let mid = left + (right - left) / 2
            if v[mid] < v[left] { v.swapAt(mid, left) }
            if v[right] < v[left] { v.swapAt(right, left) }
            if v[right] < v[mid] { v.swapAt(right, mid) }
            let pivot = v[mid]
            var i = left, j = right
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j { v.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { right = j } else if k >= i { left = i } else { return v[k] }
        }
        return v[k]
    }
}

/// Dictionary encoding of one dimension's codes as small integers. Id 0 is reserved for "none"
/// (an optional code left empty), so ids index arrays directly.
struct CodeDictionary: Sendable, Hashable {
    private(set) var codes: [String] = [""]
    private var ids: [String: UInt16] = [:]
    /// Ids (without 0) ordered by their codes, kept as codes arrive so reports need not sort.
    private(set) var idsInCodeOrder: [UInt16] = []

    /// Number of ids including the reserved 0.
    var count: Int { codes.count }

    func id(of code: String) -> UInt16? { ids[code] }

    func code(of id: UInt16) -> String { codes[Int(id)] }

    /// The id of `code`, adding it if new; nil when the dictionary is full.
    mutating func intern(_ code: String) -> UInt16? {
        if let id = ids[code] { return id }
        guard codes.count < Int(UInt16.max) else { return nil }
        let id = UInt16(codes.count)
        codes.append(code)
        ids[code] = id
        let position = idsInCodeOrder.partitioningIndex(where: { codes[Int($0)] > code })
        idsInCodeOrder.insert(id, at: position)
        return id
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAfter`, for an array partitioned by it
    /// (binary search).
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

import Foundation

/// A hash table from byte strings to integers, looked up with the bytes of a CSV field
/// directly: no String, no allocation per lookup. Codes are matched exactly. Built once and
/// immutable, so the importer's many lookups need no exclusivity checks or copies.
final class ByteStringTable: Sendable {
    private let keyBytes: [UInt8]
    /// Key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private let keyStarts: [Int]
    /// Index into keyStarts, or -1 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// Codes mapped to their position in the list (the first wins on a repeat).
    init(_ codes: [String]) {
        var size = 16
        while size < codes.count * 2 { size <<= 1 }
        let mask = size - 1
        var slots = [Int32](repeating: -1, count: size)
        var keyBytes: [UInt8] = []
        var keyStarts = [0]
        var positions: [Int] = []
        for (position, code) in codes.enumerated() {
            let bytes = Array(code.utf8)
            var slot = bytes.withUnsafeBufferPointer(Self.hash) & mask
            var duplicate = false
            while slots[slot] >= 0 {
                let entry = Int(slots[slot])
                if keyBytes[keyStarts[entry]..<keyStarts[entry + 1]].elementsEqual(bytes) { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }
            slots[slot] = Int32(positions.count)
            keyBytes += bytes
            keyStarts.append(keyBytes.count)
            positions.append(position)
        }
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.slots = slots
        self.mask = mask
        self.positions = positions
    }

    /// The position in the original list of each stored key.
    private let positions: [Int]

    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            keyStarts.withUnsafeBufferPointer { starts in
                keyBytes.withUnsafeBufferPointer { stored in
                    var slot = hash & mask
                    while true {
                        let entry = Int(slots[slot])
                        if entry < 0 { return nil }
                        let start = starts[entry]
                        if starts[entry + 1] - start == key.count
                            && (key.count == 0 || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0) {
                            return positions[entry]
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Eight bytes at a time, then a final mix so similar codes spread over the table.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}

/// The response ids seen so far in one import, with the line each was first on. Storage is
/// managed by hand: it is touched once per row and must stay cheap at a million ids.
final class ResponseIDRegistry {
    private var keyBytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private var byteCount = 0
    /// Per entry: start offset, length and line.
    private var entries: UnsafeMutablePointer<(start: Int, length: Int, line: Int)>
    private var entryCapacity: Int
    private var entryCount = 0
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int

    init() {
        byteCapacity = 1 << 20
        keyBytes = .allocate(capacity: byteCapacity)
        entryCapacity = 1 << 16
        entries = .allocate(capacity: entryCapacity)
        mask = (1 << 17) - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
    }

    deinit {
        keyBytes.deallocate()
        entries.deallocate()
        slots.deallocate()
    }

    /// Records `id` as seen on `line`; returns the earlier line if it was seen before.
    func insert(_ id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        var slot = ByteStringTable.hash(id) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.length == id.count && (id.count == 0 || memcmp(keyBytes + entry.start, id.baseAddress!, id.count) == 0) {
                return entry.line
            }
            slot = (slot + 1) & mask
        }
        if byteCount + id.count > byteCapacity { growBytes(byteCount + id.count) }
        if entryCount == entryCapacity { growEntries() }
        if let base = id.baseAddress { (keyBytes + byteCount).update(from: base, count: id.count) }
        entries[entryCount] = (byteCount, id.count, line)
        slots[slot] = Int32(entryCount)
        byteCount += id.count
        entryCount += 1
        if entryCount * 2 > mask { growSlots() }
        return nil
    }

    private func growBytes(_ needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.update(from: keyBytes, count: byteCount)
        keyBytes.deallocate()
        keyBytes = bigger
        byteCapacity = capacity
    }

    private func growEntries() {
        let bigger = UnsafeMutablePointer<(start: Int, length: Int, line: Int)>.allocate(capacity: entryCapacity * 2)
        bigger.initialize(from: entries, count: entryCount)
        entries.deallocate()
        entries = bigger
        entryCapacity *= 2
    }

    private func growSlots() {
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        for index in 0..<entryCount {
            let entry = entries[index]
            var slot = ByteStringTable.hash(UnsafeBufferPointer(start: keyBytes + entry.start, count: entry.length)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

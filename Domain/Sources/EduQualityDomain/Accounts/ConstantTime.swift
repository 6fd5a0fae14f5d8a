/// Comparison whose time depends only on the lengths, not on where the inputs first differ, so
/// a guesser timing the answer learns nothing about how many leading digits were right.
enum ConstantTime {
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// §7.8.3.1, Table 11: the penalty of a masked symbol, lower being easier to read.
/// N1 = 3 for each run of five same-coloured modules in a row or column, plus one per module
/// beyond five; N2 = 3 for each 2 × 2 block of one colour (overlapping blocks counted apart);
/// N3 = 40 for each dark-light-dark-dark-dark-light-dark run with four light modules before or
/// after it (outside the symbol counting as light); N4 = 10 for each full 5 % the dark
/// proportion lies away from 50 %.
enum QRCodePenalty {
    static func score(_ modules: [Bool], size: Int) -> Int {
        var total = 0
        var row = [Bool](repeating: false, count: size)
        var column = [Bool](repeating: false, count: size)
        for line in 0..<size {
            for index in 0..<size {
                row[index] = modules[line * size + index]
                column[index] = modules[index * size + line]
            }
            total += runs(row) + runs(column) + finderLike(row) + finderLike(column)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y * size + x]
                if modules[y * size + x + 1] == colour, modules[(y + 1) * size + x] == colour, modules[(y + 1) * size + x + 1] == colour {
                    total += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + ($1 ? 1 : 0) }
        // k = floor(|dark% − 50| / 5), in integers: |20·dark − 10·n| / n.
        let cells = size * size
        total += 10 * (abs(20 * dark - 10 * cells) / cells)
        return total
    }

    private static func runs(_ line: [Bool]) -> Int {
        var penalty = 0
        var length = 1
        for index in 1...line.count {
            if index < line.count, line[index] == line[index - 1] {
                length += 1
            } else {
                if length >= 5 { penalty += length - 2 }
                length = 1
            }
        }
        return penalty
    }

    private static let finderPattern: [Bool] = [true, false, true, true, true, false, true]

    private static func finderLike(_ line: [Bool]) -> Int {
        var penalty = 0
        let count = line.count
        func isLight(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < 0 || $0 >= count || !line[$0] } }
        for start in 0...(count - 7) where (0..<7).allSatisfy({ line[start + $0] == finderPattern[$0] }) {
            if isLight((start - 4)..<start) || isLight((start + 7)..<(start + 11)) { penalty += 40 }
        }
        return penalty
    }
}

/// A chart label fitted to the room beside a chart: broken between words onto at most `lines`
/// lines of about `width` characters. A label that still does not fit ends in "…" after a whole
/// word; the chart keeps the full text in its title and description.
enum ChartLabel {
    static func lines(_ text: String, width: Int, lines maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines.map { fit($0, width) } }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = shortened(kept[maxLines - 1], width: width)
        return kept.map { fit($0, width) }
    }

    /// The line with "…" after it, dropping its last words until it fits.
    private static func shortened(_ line: String, width: Int) -> String {
        var words = line.split(separator: " ").map(String.init)
        while words.count > 1 && words.joined(separator: " ").count + 1 > width { words.removeLast() }
        return words.joined(separator: " ") + "…"
    }

    /// A single word longer than the line is the only case cut inside a word.
    private static func fit(_ line: String, _ width: Int) -> String {
        line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }
}

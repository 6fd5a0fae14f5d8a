/// Text made safe inside XML and HTML markup, as element content or a quoted attribute value:
/// the five special characters as references, and the control characters XML 1.0 forbids
/// dropped. Every SVG, QR code and feed the service writes goes through it.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

import Foundation

/// CSV as RFC 4180 writes it, shared by the concern statistics and the speak-up return.
/// CSV for people who open exports in a spreadsheet: every export of the service writes its
/// lines here. A text field that starts like a formula gets a leading apostrophe, so a name
/// typed as `=HYPERLINK(…)` stays text.
public enum SpreadsheetCSV {
    /// Quotes a field when it holds a comma, quote, or line break (doubling quotes). A text field
    /// that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe;
    /// numbers are written unchanged.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Int(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, CRLF-terminated as RFC 4180 asks.
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }
}

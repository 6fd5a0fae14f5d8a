import EduQualityDomain
import Foundation

/// Writes the generated responses with their respondent theme scores, for DuckDB to load.
struct CSVWriter {
    private let handle: FileHandle
    private var buffer = ""
    private let scheme: ScoringScheme

    init(path: String, scheme: ScoringScheme) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        handle = FileHandle(forWritingAtPath: path)!
        self.scheme = scheme
        buffer = (["round", "profession", "region", "organisation", "site", "specialty", "placement_type", "level"]
                  + scheme.themes.map { "score_\($0.code)" }).joined(separator: ",") + "\n"
    }

    mutating func write(_ r: ResponseRecord) {
        var fields = [r.round, r.profession, r.region, r.organisation, r.site ?? "", r.specialty ?? "",
                      r.placementType ?? "", r.level ?? ""]
        for theme in scheme.themes {
            // Shortest round-trip decimal: DuckDB reads back the very same Double.
            fields.append(scheme.respondentScore(theme: theme, profession: r.profession, answers: r.answers)
                .map { "\($0)" } ?? "")
        }
        buffer += fields.joined(separator: ",")
        buffer += "\n"
        if buffer.utf8.count > 1 << 22 { flush() }
    }

    mutating func flush() {
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    mutating func close() {
        flush()
        try? handle.close()
    }
}

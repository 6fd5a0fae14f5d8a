import EduQualityDomain
import Fluent
import SQLKit

/// Stored responses read as the reporting engine's records: one round's responses of one version,
/// or those waiting for a version (`version` nil), in id order.
enum ResponseRows {
    static func read(round: String, version: Int?, itemOrder: [String],
                     on db: any Database) async throws -> [(id: Int, record: ResponseRecord)] {
        let sql = db as! any SQLDatabase
        var result = [(id: Int, record: ResponseRecord)]()
        var from = 0
        while true {
            var select = sql.select()
                .columns("id", "profession", "organisation", "region", "site", "placement_type", "specialty", "level", "answers")
                .from(SurveyResponseRecord.schema)
                .where("round_code", .equal, round).where("id", .greaterThan, from)
            select = version.map { select.where("version", .equal, $0) } ?? select.where("version", .is, SQLLiteral.null)
            let rows = try await select.orderBy("id").limit(20_000).all()
            guard let last = rows.last else { return result }
            for row in rows {
                result.append((try row.decode(column: "id", as: Int.self), try record(row, round: round, itemOrder: itemOrder)))
            }
            from = try last.decode(column: "id", as: Int.self)
        }
    }

    private static func record(_ row: any SQLRow, round: String, itemOrder order: [String]) throws -> ResponseRecord {
        func optional(_ column: String) throws -> String? {
            try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self)
        }
        var answers: [String: Answer] = [:]
        for (index, byte) in try row.decode(column: "answers", as: String.self).utf8.enumerated() where index < order.count {
            switch PackedAnswers.packed(from: byte) {
            case 0: continue
            case 255: answers[order[index]] = .notApplicable
            case let rank: answers[order[index]] = .rank(Int(rank))
            }
        }
        return ResponseRecord(
            round: round, profession: try row.decode(column: "profession", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            organisation: try row.decode(column: "organisation", as: String.self),
            site: try optional("site"), specialty: try optional("specialty"),
            placementType: try row.decode(column: "placement_type", as: String.self),
            level: try optional("level"), answers: answers)
    }
}

import EduQualityDomain
import Fluent
import Foundation

/// The answers to each question: a stacked bar per item with its n and % positive.
enum ItemsView {
    struct Row: Encodable { let indicator, item, text, n, percentPositive, chart: String; let suppressed: Bool }

    static func rows(_ table: ItemDistributionTable, names: ReportNames, itemTexts: [String: String],
                     scale: [String: [String]]) -> [Row] {
        table.rows.map { r in
            Row(indicator: names.indicator(r.indicator), item: r.item, text: itemTexts[r.item] ?? r.item,
                n: r.suppressed ? ReportFormat.notShown : r.n.map(String.init) ?? "",
                percentPositive: r.suppressed ? ReportFormat.notShown : r.percentPositive.map(ReportFormat.percent) ?? "",
                chart: r.suppressed ? "" : ReportCharts.distribution(item: r.item, counts: r.rankCounts ?? [], labels: scale[r.item] ?? []),
                suppressed: r.suppressed)
        }
    }

    /// Answer labels of each item, for the distribution charts' text alternatives.
    static func scaleLabels(_ db: any Database) async throws -> [String: [String]] {
        guard let record = try await QuestionnaireRecord.query(on: db).sort(\.$code, .descending).first(),
              let q = try? Questionnaire.decode(json: Data(record.fileJSON.utf8)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: q.items.map { ($0.code, $0.scale.labels) })
    }
}

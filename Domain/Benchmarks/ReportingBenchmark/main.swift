import EduQualityDomain
import Foundation

// Reporting engine benchmark: generates responses deterministically, loads them into the
// in-memory store, and times the flag grid and random filtered queries. Also writes the same data
// (with respondent scores) and the same queries for bench/reporting_duckdb.py to time DuckDB.
//   ReportingBenchmark [--out DIR] [--responses N] [--queries N] [--grid-runs N] [--profile-passes N]

var arguments = [String: String]()
for (i, argument) in CommandLine.arguments.enumerated() where argument.hasPrefix("--") && i + 1 < CommandLine.arguments.count {
    arguments[String(argument.dropFirst(2))] = CommandLine.arguments[i + 1]
}
let outputDirectory = arguments["out"] ?? NSTemporaryDirectory() + "reporting-benchmark"
let responseCount = Int(arguments["responses"] ?? "") ?? 1_000_000
let queryCount = Int(arguments["queries"] ?? "") ?? 1000
let profilingPasses = Int(arguments["profile-passes"] ?? "") ?? 0  // extra untimed query passes, for perf
let gridRuns = Int(arguments["grid-runs"] ?? "") ?? 15
try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)

var survey = SyntheticSurvey(seed: 20_240_601)
var store = ScoredResponseStore(scheme: survey.scheme)
var csv = CSVWriter(path: outputDirectory + "/responses.csv", scheme: survey.scheme)
let perRound = responseCount / SyntheticSurvey.roundCount
var samples = [ResponseRecord]()  // every 500th response: realistic filter codes for queries

print("Generating and loading \(responseCount) responses (\(SyntheticSurvey.roundCount) rounds)…")
var loadMilliseconds = 0.0
for round in survey.rounds {
    try store.reserveCapacity(perRound, inRound: round)
    var batch = [ResponseRecord]()
    batch.reserveCapacity(10_000)
    var generated = 0
    while generated < perRound {
        batch.removeAll(keepingCapacity: true)
        for _ in 0..<min(10_000, perRound - generated) {
            let record = survey.response(round: round)
            batch.append(record)
            csv.write(record)
            if (generated + batch.count) % 500 == 0 { samples.append(record) }
        }
        generated += batch.count
        loadMilliseconds += try Measurement.milliseconds { try store.append(contentsOf: batch) }
    }
}
csv.close()

let residentMB = Measurement.processMemoryMB("VmRSS") ?? .nan
let peakMB = Measurement.processMemoryMB("VmHWM") ?? .nan
print(String(format: "  load (scoring + appending, generation excluded): %.2f s — %.0f responses/s",
             loadMilliseconds / 1000, Double(store.count) / (loadMilliseconds / 1000)))
print(String(format: "  resident memory after load: %.0f MB (peak %.0f MB, including the generator)", residentMB, peakMB))

// MARK: flag grid — all themes × all organisations, latest round, the largest profession.
let gridRound = survey.rounds.last!, gridProfession = survey.professions[0]
var grid: FlagGrid?
let gridCold = try Measurement.milliseconds {
    grid = try store.flagGrid(round: gridRound, dimension: .organisation, filters: [.profession: gridProfession])
}
var gridTimes = [Double]()
for _ in 0..<gridRuns {
    gridTimes.append(try Measurement.milliseconds {
        grid = try store.flagGrid(round: gridRound, dimension: .organisation, filters: [.profession: gridProfession])
    })
}
let gridMedian = Measurement.percentile(0.5, of: gridTimes)
var flagCounts = [OutlierFlag: Int]()
for row in grid!.rows { for cell in row.cells { if let cell { flagCounts[cell.flag, default: 0] += 1 } } }
print(String(format: "OutlierFlag grid (%d organisations × %d themes, round %@, profession %@): median of %d %.2f ms, first call %.2f ms",
             grid!.rows.count, grid!.indicators.count, gridRound, gridProfession, gridRuns, gridMedian, gridCold))
print("  flags: " + OutlierFlag.allCases.map { "\($0.rawValue) \(flagCounts[$0] ?? 0)" }.joined(separator: ", "))

// MARK: item distributions — every item × every organisation, same round and profession.
let itemQuery = ReportQuery(round: gridRound, groupBy: .organisation, filters: [.profession: gridProfession])
var itemRows = 0
let itemTimes = try (0..<5).map { _ in
    try Measurement.milliseconds { itemRows = try store.itemDistributions(itemQuery).rows.count }
}
print(String(format: "Item distributions (%d items × organisations, %d rows): median of 5 %.2f ms",
             survey.scheme.items.count, itemRows, Measurement.percentile(0.5, of: itemTimes)))

// MARK: trends — every theme × every organisation across all rounds, same profession.
let trendQuery = TrendQuery(rounds: survey.rounds, groupBy: .organisation, filters: [.profession: gridProfession])
var significant = 0
let trendTimes = try (0..<5).map { _ in
    try Measurement.milliseconds {
        significant = try store.trends(trendQuery).series.flatMap(\.points).filter { $0.change?.significant == true }.count
    }
}
print(String(format: "Trends (%d rounds × organisations × themes, %d significant changes): median of 5 %.2f ms",
             survey.rounds.count, significant, Measurement.percentile(0.5, of: trendTimes)))

// MARK: random single queries — each an indicator table over all themes.
var rng = SplitMix64(seed: 7)
let columnDimensions: [ReportDimension] = [.region, .organisation, .site, .profession, .specialty, .placementType, .level]
func code(_ record: ResponseRecord, _ dimension: ReportDimension) -> String? {
    switch dimension {
    case .national: nil
    case .region: record.region
    case .organisation: record.organisation
    case .site: record.site
    case .profession: record.profession
    case .specialty: record.specialty
    case .placementType: record.placementType
    case .level: record.level
    }
}
var queries = [ReportQuery]()
for _ in 0..<queryCount {
    let sample = samples[Int.random(in: 0..<samples.count, using: &rng)]
    let filterCount = rng.pick([0.15, 0.55, 0.85, 1.0])
    var filters = [ReportDimension: String]()
    for dimension in columnDimensions.shuffled(using: &rng) where filters.count < filterCount {
        if let code = code(sample, dimension) { filters[dimension] = code }
    }
    let groupBy = ReportDimension.allCases[Int.random(in: 0..<ReportDimension.allCases.count, using: &rng)]
    queries.append(ReportQuery(round: sample.round, groupBy: groupBy, filters: filters))
}
for _ in 0..<profilingPasses { for query in queries { _ = try store.indicatorTable(query) } }
// Three timed passes over the same queries; the machine is shared, so one pass can catch another
// process's burst: the pass with the median p99 is reported.
struct Pass { var times: [Double]; var p50: Double; var p99: Double; var total: Double }
var passes = [Pass]()
var publishedRows = 0, suppressedRows = 0
for pass in 0..<3 {
    var times = [Double]()
    for query in queries {
        var table: IndicatorTable?
        times.append(try Measurement.milliseconds { table = try store.indicatorTable(query) })
        if pass == 0 { for row in table!.rows { if row.n == nil { suppressedRows += 1 } else { publishedRows += 1 } } }
    }
    passes.append(Pass(times: times, p50: Measurement.percentile(0.5, of: times), p99: Measurement.percentile(0.99, of: times),
                       total: times.reduce(0, +)))
}
let reported = passes.sorted { $0.p99 < $1.p99 }[1]
let queryTimes = reported.times, p50 = reported.p50, p99 = reported.p99, total = reported.total
// Each query's best of its three runs: what the query costs when nothing else wants the CPU.
let best = queries.indices.map { i in passes.map { $0.times[i] }.min()! }
let bestP50 = Measurement.percentile(0.5, of: best), bestP99 = Measurement.percentile(0.99, of: best)
print(String(format: "%d random queries (round, groupBy, 0–3 filters; all themes): p50 %.3f ms, p99 %.3f ms, max %.3f ms, total %.0f ms",
             queries.count, p50, p99, queryTimes.max()!, total))
print("  p99 of the three passes: " + passes.map { String(format: "%.2f ms", $0.p99) }.joined(separator: ", ")
      + String(format: "; each query's best of three: p50 %.3f ms, p99 %.3f ms", bestP50, bestP99))
print("  rows: \(publishedRows) published, \(suppressedRows) suppressed")
for i in queryTimes.indices.sorted(by: { queryTimes[$0] > queryTimes[$1] }).prefix(3) {
    let q = queries[i]
    // Timed again: a one-off (page faults, the other core busy) or the query itself?
    let again = try (0..<5).map { _ in try Measurement.milliseconds { _ = try store.indicatorTable(q) } }.min()!
    print(String(format: "  slowest: %.2f ms (best of 5 more: %.2f ms) round %@ groupBy %@ filters %@", queryTimes[i], again, q.round,
                 q.groupBy.rawValue, q.filters.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: ",")))
}

// MARK: temporal disclosure — a round published again after late responses: each query goes
// through the earlier publication and the late responses alone. Baseline: the same query on the
// store without history, measured here too.
for lateCount in [2_500, 20_000] {
    let late = (0..<lateCount).map { _ in survey.response(round: gridRound) }
    var republished = store
    try republished.append(contentsOf: late)
    let history = RoundHistory(round: gridRound, versions: [store, republished], added: [late])
    let query = ReportQuery(round: gridRound, groupBy: .organisation, filters: [.profession: gridProfession])
    var plainTimes = [Double](), historyTimes = [Double]()
    var published = (plain: 0, history: 0)
    for _ in 0..<5 {
        plainTimes.append(try Measurement.milliseconds { published.plain = try republished.indicatorTable(query).rows.count { $0.n != nil } })
        historyTimes.append(try Measurement.milliseconds { published.history = try history.indicatorTable(query).rows.count { $0.n != nil } })
    }
    let plain = Measurement.percentile(0.5, of: plainTimes), withHistory = Measurement.percentile(0.5, of: historyTimes)
    print(String(format: "Re-published round (%d late responses), organisations × themes: median %.2f ms through its history, "
                 + "%.2f ms without (ratio %.1f); %d of %d cells still published",
                 lateCount, withHistory, plain, withHistory / max(plain, 0.001), published.history, published.plain))
}

// MARK: hand-off to the DuckDB comparison
struct Report: Encodable {
    struct GridRow: Encodable {
        let group: String, indicator: String, n: Int, mean: Double, sd: Double, benchmarkN: Int, q1: Double, q3: Double
    }
    struct Query: Encodable { let round: String, groupBy: String, filters: [String: String] }
    struct QueryRow: Encodable { let query: Int, group: String, indicator: String, n: Int, mean: Double }
    let themes: [String]
    let responses: Int
    let loadSeconds: Double
    let residentMB: Double
    let gridRound: String, gridProfession: String
    let gridMedianMs: Double, gridColdMs: Double
    let queryP50Ms: Double, queryP99Ms: Double, queryTotalMs: Double
    let bestP50Ms: Double, bestP99Ms: Double
    let gridRows: [GridRow]
    let queries: [Query]
    /// Published rows of the first queries, for the DuckDB script to check.
    let queryRows: [QueryRow]
}
let gridRows = grid!.rows.flatMap { row in
    row.cells.compactMap { cell -> Report.GridRow? in
        guard let cell, let n = cell.n, let mean = cell.mean, let sd = cell.sd, let b = cell.benchmark else { return nil }
        return Report.GridRow(group: cell.group, indicator: cell.indicator, n: n, mean: mean, sd: sd, benchmarkN: b.n, q1: b.q1, q3: b.q3)
    }
}
var queryRows = [Report.QueryRow]()
for (i, query) in queries.prefix(25).enumerated() {
    for row in try store.indicatorTable(query).rows {
        if let n = row.n, let mean = row.mean {
            queryRows.append(Report.QueryRow(query: i, group: row.group, indicator: row.indicator, n: n, mean: mean))
        }
    }
}
let report = Report(
    themes: survey.scheme.themes.map(\.code), responses: store.count, loadSeconds: loadMilliseconds / 1000,
    residentMB: residentMB, gridRound: gridRound, gridProfession: gridProfession,
    gridMedianMs: gridMedian, gridColdMs: gridCold, queryP50Ms: p50, queryP99Ms: p99, queryTotalMs: total,
    bestP50Ms: bestP50, bestP99Ms: bestP99,
    gridRows: gridRows,
    queries: queries.map { q in
        Report.Query(round: q.round, groupBy: q.groupBy.rawValue,
                     filters: Dictionary(uniqueKeysWithValues: q.filters.map { ($0.key.rawValue, $0.value) }))
    },
    queryRows: queryRows)
let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
try encoder.encode(report).write(to: URL(fileURLWithPath: outputDirectory + "/ours.json"))
print("Data and results written to \(outputDirectory)")

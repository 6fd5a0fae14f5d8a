/// The responses of one survey round, column by column. Every query is about one round, so
/// keeping rounds apart means a query scans only its own round's rows.
struct RoundColumns: Sendable {
    /// Dimension ids row-major, `stride` per row (7 used, padded to 8 for aligned access).
    static let stride = 8
    static let unanswered: UInt8 = 0
    static let notApplicable: UInt8 = 255

    private(set) var count = 0
    let themeCount: Int
    private(set) var dimensions: [UInt16] = []
    /// Each respondent's theme scores, row-major (`themeCount` per row, so one query pass reads
    /// a row's scores for every theme together); NaN where they have none.
    private(set) var scores: [Double] = []
    /// Row-major like `scores`: how many of the respondent's scored answers in the theme were in
    /// the top two ranks, and how many were scored (for the theme's % positive); 0 without a score.
    private(set) var positiveAnswers: [UInt8] = []
    private(set) var scoredAnswers: [UInt8] = []
    /// Per item: 0 unanswered (or not shown), 255 not applicable, else the rank 1…k.
    private(set) var answers: [[UInt8]]
    /// Per theme, the rows without a score; per item, the rows without an answer. Few, so a
    /// query counts every row once and subtracts these per theme or item.
    private(set) var unscoredRows: [[Int32]]
    private(set) var unansweredRows: [[Int32]]
    /// Per theme, the benchmark populations' scores: the whole round, and per profession id.
    private(set) var roundScores: [ScoreDistribution]
    private(set) var professionScores: [[ScoreDistribution]] = []
    /// Per dimension column and code id: the rows with that code, ascending. Disclosure control
    /// uses them to count the populations that contain a cell only by a code its rows share.
    private(set) var rowsWithCode: [[[Int32]]] = Array(repeating: [], count: ReportDimension.columnCount)

    init(themeCount: Int, itemCount: Int) {
        self.themeCount = themeCount
        answers = Array(repeating: [], count: itemCount)
        unscoredRows = Array(repeating: [], count: themeCount)
        unansweredRows = Array(repeating: [], count: itemCount)
        roundScores = Array(repeating: ScoreDistribution(), count: themeCount)
    }

    /// The benchmark scores of a profession (0: the whole round) for a theme.
    func benchmarkScores(profession: UInt16, theme: Int) -> ScoreDistribution {
        if profession == 0 { return roundScores[theme] }
        return Int(profession) < professionScores.count ? professionScores[Int(profession)][theme] : ScoreDistribution()
    }

    mutating func reserveCapacity(_ n: Int) {
        dimensions.reserveCapacity(n * Self.stride)
        scores.reserveCapacity(n * themeCount)
        positiveAnswers.reserveCapacity(n * themeCount)
        scoredAnswers.reserveCapacity(n * themeCount)
        for i in answers.indices { answers[i].reserveCapacity(n) }
    }

    mutating func append(dimensions ids: [UInt16], themeScores: [ThemeScore], answers encoded: [UInt8]) {
        dimensions.append(contentsOf: ids)
        dimensions.append(contentsOf: repeatElement(0, count: Self.stride - ids.count))
        for (column, id) in ids.enumerated() where id != 0 {
            let code = Int(id)
            if rowsWithCode[column].count <= code {
                rowsWithCode[column].append(contentsOf: repeatElement([], count: code + 1 - rowsWithCode[column].count))
            }
            rowsWithCode[column][code].append(Int32(count))
        }
        let profession = Int(ids[ReportDimension.profession.column!])
        if professionScores.count <= profession {
            professionScores.append(contentsOf: repeatElement(Array(repeating: ScoreDistribution(), count: themeCount),
                                                              count: profession + 1 - professionScores.count))
        }
        var row = SharedCodes.Row(repeating: 0)
        for (column, id) in ids.enumerated() { row[column] = id }
        for (t, score) in themeScores.enumerated() {
            if let score = score.score {
                roundScores[t].add(score, dimensions: row)
                professionScores[profession][t].add(score, dimensions: row)
            }
            if score.score == nil { unscoredRows[t].append(Int32(count)) }
            scores.append(score.score ?? .nan)
            positiveAnswers.append(score.score == nil ? 0 : score.positive)
            scoredAnswers.append(score.score == nil ? 0 : score.scored)
        }
        for (i, answer) in encoded.enumerated() {
            if answer == Self.unanswered { unansweredRows[i].append(Int32(count)) }
            answers[i].append(answer)
        }
        count += 1
    }

    func score(ofRow row: Int, theme: Int) -> Double {
        scores[row * themeCount + theme]
    }

    func dimension(_ column: Int, ofRow row: Int) -> UInt16 {
        dimensions[row * Self.stride + column]
    }

    func rows(withCode code: UInt16, inColumn column: Int) -> [Int32] {
        Int(code) < rowsWithCode[column].count ? rowsWithCode[column][Int(code)] : []
    }
}

/// One respondent's result for one theme, as stored.
struct ThemeScore: Sendable {
    var score: Double?
    var positive: UInt8
    var scored: UInt8
}

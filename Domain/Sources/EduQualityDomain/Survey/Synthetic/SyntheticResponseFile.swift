/// Writes generated responses to a CSV file in the import format, streaming, for the import
/// tests and the 100,000 and 1,000,000 row benchmarks.
public enum SyntheticResponseFile {
    /// Writes responses 1…`count` of `round`; `progress` is told how many rows are done now and
    /// then.
    public static func write(count: Int, of generator: SyntheticResponseGenerator, in round: SurveyRound,
                             lastDay: CalendarDay? = nil, to path: String,
                             progress: ((Int) -> Void)? = nil) throws {
        let encoder = ResponseCSVEncoder(questionnaire: generator.questionnaire)
        let file = try CSVFileWriter(creatingFileAt: path)
        try file.record { encoder.writeHeader(into: &$0) }
        let prefix = "\(round.code)-"
        for number in stride(from: 1, through: count, by: 1) {
            let response = generator.response(number: number, in: round, lastDay: lastDay, idPrefix: prefix)
            try file.record { encoder.write(response, into: &$0) }
            if number % 50_000 == 0 { progress?(number) }
        }
        try file.close()
        progress?(count)
    }
}

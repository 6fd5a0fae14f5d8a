/// Writes responses in the import format, so exports, test files and generated files are
/// exactly what the importer reads.
public struct ResponseCSVEncoder: Sendable {
    public let questionnaire: Questionnaire
    public let columnNames: [String]

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.columnNames = ResponseImportHeader.columnNames(for: questionnaire)
    }

    public func writeHeader(into writer: inout CSVWriter) {
        for name in columnNames { writer.write(name) }
    }

    /// Writes the fields of one record (the caller ends it). Responses without an id get an
    /// empty `response_id`, which the importer refuses, so give them one first.
    public func write(_ response: SurveyResponse, into writer: inout CSVWriter) {
        let placement = response.placement
        for value in [response.responseID ?? "", response.submittedOn.description, placement.profession,
                      placement.organisation, placement.site ?? "", placement.placementType,
                      placement.specialty ?? "", placement.trainingLevel ?? ""] {
            writer.write(value)
        }
        for packed in response.answers.packed {
            switch SurveyAnswer(packed: packed) {
            case .unanswered: writer.write("")
            case .notApplicable: writer.write("NA")
            case .rank(let rank): writer.write(Self.rankTexts.indices.contains(rank) ? Self.rankTexts[rank] : String(rank))
            }
        }
        for question in questionnaire.freeTextQuestions {
            writer.write(response.freeTexts[question.code] ?? "")
        }
    }

    private static let rankTexts = (0...11).map(String.init)
}

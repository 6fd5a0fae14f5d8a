import Foundation

extension Questionnaire {
    /// Reads a questionnaire file (JSON, format 1) and validates it. Wrong JSON types, unknown
    /// keys and rule violations all come back as problems with paths.
    public static func decode(json data: Data, knownProfessions: Set<String>? = nil) throws(QuestionnaireInvalid) -> Questionnaire {
        let file: QuestionnaireFile
        do {
            file = try JSONDecoder().decode(QuestionnaireFile.self, from: data)
        } catch let error as DecodingError {
            throw QuestionnaireInvalid(problems: [problem(from: error)])
        } catch {
            throw QuestionnaireInvalid(problems: [QuestionnaireProblem(path: "(file)", message: "\(error)")])
        }
        let unknownKeys = unknownKeyProblems(in: data)
        switch file.validated(knownProfessions: knownProfessions) {
        case .success(let questionnaire) where unknownKeys.isEmpty:
            return questionnaire
        case .success:
            throw QuestionnaireInvalid(problems: unknownKeys)
        case .failure(let invalid):
            throw QuestionnaireInvalid(problems: unknownKeys + invalid.problems)
        }
    }

    /// The questionnaire as a format-1 file, keys sorted so stored copies compare byte for byte.
    public func fileJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try! encoder.encode(QuestionnaireFile(self))
    }

    private static func problem(from error: DecodingError) -> QuestionnaireProblem {
        switch error {
        case .typeMismatch(let type, let context):
            return QuestionnaireProblem(path: path(context.codingPath), message: "expected \(jsonName(of: type))")
        case .valueNotFound(let type, let context):
            return QuestionnaireProblem(path: path(context.codingPath), message: "expected \(jsonName(of: type)), found null")
        case .keyNotFound(let key, let context):
            return QuestionnaireProblem(path: path(context.codingPath + [key]), message: "missing")
        case .dataCorrupted(let context):
            return QuestionnaireProblem(path: context.codingPath.isEmpty ? "(file)" : path(context.codingPath),
                                        message: context.codingPath.isEmpty ? "not valid JSON" : "not valid here")
        @unknown default:
            return QuestionnaireProblem(path: "(file)", message: "could not be read")
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is any Collection.Type: "a list"
        default: "an object"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var result = ""
        for key in keys {
            if let index = key.intValue { result += "[\(index)]" }
            else { result += result.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return result.isEmpty ? "(file)" : result
    }

    /// Keys JSONDecoder would silently ignore, such as a misspelt "allowNA".
    private static func unknownKeyProblems(in data: Data) -> [QuestionnaireProblem] {
        guard let root = try? JSONSerialization.jsonObject(with: data) else { return [] }
        var problems: [QuestionnaireProblem] = []
        func walk(_ value: Any, path: String, kind: String) {
            if let object = value as? [String: Any] {
                let known = QuestionnaireFile.knownKeys[kind] ?? []
                for key in object.keys.sorted() {
                    let childPath = path.isEmpty ? key : "\(path).\(key)"
                    if !known.contains(key) {
                        problems.append(QuestionnaireProblem(path: childPath, message: "unknown key"))
                    } else if ["scales", "placement", "themes", "items", "freeText"].contains(key),
                              let list = object[key] as? [Any] {
                        for (i, element) in list.enumerated() { walk(element, path: "\(childPath)[\(i)]", kind: key) }
                    }
                }
            }
        }
        walk(root, path: "", kind: "")
        return problems
    }
}

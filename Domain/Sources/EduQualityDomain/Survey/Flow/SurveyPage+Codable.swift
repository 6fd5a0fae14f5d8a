/// Saved in drafts as `placement`, `theme-3` or `comments`.
extension SurveyPage: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "placement": self = .placement
        case "comments": self = .comments
        default:
            guard text.hasPrefix("theme-"), let index = Int(text.dropFirst(6)), index >= 0 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "not a survey page: \(text)"))
            }
            self = .theme(index)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .placement: try container.encode("placement")
        case .comments: try container.encode("comments")
        case .theme(let index): try container.encode("theme-\(index)")
        }
    }
}

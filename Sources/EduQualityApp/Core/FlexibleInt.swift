/// A number sent either as a JSON number or as a string ("pathway": 1 or "1").
struct FlexibleInt: Codable, Sendable {
    let text: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { text = String(n) } else { text = try c.decode(String.self) }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

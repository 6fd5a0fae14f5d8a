import Fluent

extension Organisation {
    /// Every organisation's region code, by organisation code.
    static func regionsByCode(on db: any Database) async throws -> [String: String] {
        Dictionary(try await query(on: db).all().map { ($0.code, $0.regionCode) }) { first, _ in first }
    }
}

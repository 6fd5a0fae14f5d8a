import Fluent
import Foundation

final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// An `OrganisationType` raw value.
    @Field(key: "type") var type: String
    @Field(key: "region_code") var regionCode: String

    init() {}
    init(code: String, name: String, type: String, regionCode: String) {
        self.code = code
        self.name = name
        self.type = type
        self.regionCode = regionCode
    }

    var auditSnapshot: [String: String] {
        ["code": code, "name": name, "type": type, "region": regionCode]
    }
}

import Fluent
import Foundation

final class Site: Model, @unchecked Sendable {
    static let schema = "sites"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "organisation_code") var organisationCode: String

    init() {}
    init(code: String, name: String, organisationCode: String) {
        self.code = code
        self.name = name
        self.organisationCode = organisationCode
    }

    var auditSnapshot: [String: String] {
        ["code": code, "name": name, "organisation": organisationCode]
    }
}

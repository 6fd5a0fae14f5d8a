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
    /// The day it was retired (ISO date); nil while it is in use.
    @OptionalField(key: "retired_on") var retiredOn: String?

    init() {}
    init(code: String, name: String, type: String, regionCode: String) {
        self.code = code
        self.name = name
        self.type = type
        self.regionCode = regionCode
    }

    var auditSnapshot: [String: String] {
        var snapshot = ["code": code, "name": name, "type": type, "region": regionCode]
        snapshot["retiredOn"] = retiredOn
        return snapshot
    }

    /// The organisations new choices offer (the concern form, the survey, role scopes, the API's
    /// list): every one not retired. Records, reports and history look organisations up by code
    /// in `query(on:)`, retired ones included.
    static func inUse(on db: any Database) -> QueryBuilder<Organisation> {
        query(on: db).filter(\.$retiredOn == nil)
    }
}

import Fluent
import Foundation

final class Region: Model, @unchecked Sendable {
    static let schema = "regions"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}
    init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

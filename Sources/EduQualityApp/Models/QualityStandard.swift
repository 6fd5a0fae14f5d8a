import Fluent
import Foundation

/// A standard of the Quality Framework, within one of its numbered domains.
final class QualityStandard: Model, @unchecked Sendable {
    static let schema = "quality_standards"
    @ID(key: .id) var id: UUID?
    @Field(key: "domain_number") var domainNumber: Int
    @Field(key: "domain_name") var domainName: String
    @Field(key: "code") var code: String
    @Field(key: "text") var text: String

    init() {}
    init(domainNumber: Int, domainName: String, code: String, text: String) {
        self.domainNumber = domainNumber
        self.domainName = domainName
        self.code = code
        self.text = text
    }
}

import Vapor
import EduQualityDomain
import Fluent
import Foundation

/// A personal API token: acts as its owner, with the owner's roles and scopes, for the handlers'
/// API. The token is shown once; only its hash is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_on") var createdOn: String
    @OptionalField(key: "last_used_on") var lastUsedOn: String?

    init() {}
    init(userID: UUID, name: String, tokenHash: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdOn = CalendarDay.today().iso
    }

    static let prefix = "eqt_"

    /// A new token (32 random bytes) and the hash to store.
    static func generate() -> (token: String, hash: String) {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        let token = prefix + Data(bytes).base64URLEncodedString()
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

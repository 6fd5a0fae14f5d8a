import EduQualityDomain
import Vapor

enum PasswordPolicyKey: StorageKey { typealias Value = PasswordPolicy }

extension Application {
    /// The password rules with the deny-list of common passwords, read once at start.
    var passwordPolicy: PasswordPolicy { storage[PasswordPolicyKey.self]! }

    func loadPasswordPolicy(seedDirectory: String) throws {
        let path = seedDirectory + "/reference/common-passwords.txt"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("\(path) is missing: the deny-list of common passwords is needed to check new passwords")
        }
        storage[PasswordPolicyKey.self] = PasswordPolicy(denyList: String(decoding: data, as: UTF8.self))
    }
}

extension PasswordPolicy {
    /// The rule's problems with a password as form errors (none when it is acceptable).
    func refusals(of password: String, email: String?, field: String) -> [FieldError] {
        do throws(InvalidForm) {
            try check(password, email: email, field: field)
            return []
        } catch {
            return error.fieldErrors
        }
    }
}

import EduQualityDomain
import Fluent
import Vapor

/// Checks what someone typed at the second step (or to turn two-step sign-in off) against an
/// account: a code from their authenticator app for a time step after the last one used
/// (RFC 6238, one step either side for clock drift), or else one of their unused recovery codes.
/// Recovery codes are stored as SHA-256 digests, not bcrypt: each carries enough randomness
/// (`RecoveryCodes`) that a slow hash adds nothing, and a fast one lets the code be found with
/// one indexed look-up instead of ten bcrypt checks per attempt.
enum TwoStepCodes {
    enum Match: Sendable {
        case code(counter: Int64)
        case recovery(id: UUID)

        var method: String {
            switch self {
            case .code: "code"
            case .recovery: "recovery code"
            }
        }
    }

    static func match(_ typed: String, user: User, at now: Date, on db: any Database) async throws -> Match? {
        let compact = typed.filter { !$0.isWhitespace }
        if compact.count == 6, compact.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let secret = user.twoStepSecret.flatMap(Base32.decode) else { return nil }
            return TOTP(secret: secret).verify(compact, at: Int64(now.timeIntervalSince1970), after: user.twoStepLastCounter)
                .map { .code(counter: $0) }
        }
        guard let normalised = RecoveryCodes.normalise(typed), let userID = user.id else { return nil }
        return try await RecoveryCodeRecord.query(on: db).filter(\.$userID == userID)
            .filter(\.$codeHash == digest(normalised)).filter(\.$usedAt == nil).first()
            .flatMap { $0.id }.map { Match.recovery(id: $0) }
    }

    /// Marks the match used, inside the write transaction that records the sign-in: a code whose
    /// step, or a recovery code that, another request used meanwhile is refused (false).
    static func consume(_ match: Match, userID: UUID, at now: Date, on tx: any Database) async throws -> Bool {
        switch match {
        case .code(let counter):
            guard let user = try await User.find(userID, on: tx) else { return false }
            if let last = user.twoStepLastCounter, counter <= last { return false }
            user.twoStepLastCounter = counter
            try await user.update(on: tx)
            return true
        case .recovery(let id):
            guard let code = try await RecoveryCodeRecord.find(id, on: tx), code.userID == userID, code.usedAt == nil else {
                return false
            }
            code.usedAt = now.timeIntervalSince1970
            try await code.update(on: tx)
            return true
        }
    }

    static func digest(_ normalised: String) -> String { AuditLog.sha256Hex("eduquality-recovery:" + normalised) }

    /// A new set of recovery codes for the account, replacing any it had; the codes in clear are
    /// returned to be shown once.
    static func replaceRecoveryCodes(userID: UUID, on tx: any Database) async throws -> [String] {
        var rng = SystemRandomNumberGenerator()
        let codes = RecoveryCodes.generate(count: 10, using: &rng)
        try await RecoveryCodeRecord.query(on: tx).filter(\.$userID == userID).delete()
        for code in codes {
            guard let normalised = RecoveryCodes.normalise(code) else { continue }
            try await RecoveryCodeRecord(userID: userID, codeHash: digest(normalised)).create(on: tx)
        }
        return codes
    }

    /// Turns two-step sign-in off for the account: its secret, last step and recovery codes go.
    static func remove(userID: UUID, on tx: any Database) async throws {
        guard let user = try await User.find(userID, on: tx) else { return }
        user.twoStepSecret = nil
        user.twoStepEnabledAt = nil
        user.twoStepLastCounter = nil
        try await user.update(on: tx)
        try await RecoveryCodeRecord.query(on: tx).filter(\.$userID == userID).delete()
    }
}

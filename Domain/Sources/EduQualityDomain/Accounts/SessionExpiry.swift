/// Why a session ended without the user signing out: left unused too long, or too old.
public enum SessionExpiry: String, Sendable, Hashable {
    case idle
    case absolute
}

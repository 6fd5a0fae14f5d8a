/// What a state change records in the audit log. Domain methods that change state return one;
/// the web layer appends it to the hash-chained log with who and when.
public struct AuditEvent: Equatable, Sendable {
    /// A verb phrase in kebab case, e.g. `concern.escalate`.
    public var action: String
    public var entityType: String
    public var entityID: String
    /// Field name → value before and after; nil when the entity did not / no longer exists.
    public var before: [String: String]?
    public var after: [String: String]?

    public init(action: String, entityType: String, entityID: String,
                before: [String: String]? = nil, after: [String: String]? = nil) {
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}

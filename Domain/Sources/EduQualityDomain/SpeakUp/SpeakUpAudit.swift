/// What the audit log keeps about speak-up records. Administrators read the audit log, and they
/// may not read case text, so a case's outcome appears only as "recorded" or "changed", never
/// copied; directory entries are public information and are logged in full.
extension SpeakUpCase {
    /// Every field except the outcome text.
    public var auditSnapshot: [String: String] {
        [
            "raised-on": raisedOn.iso,
            "organisation": organisation,
            "how-raised": howRaised.rawValue,
            "worker-group": workerGroup,
            "themes": SpeakUpTheme.allCases.filter(themes.contains).map(\.rawValue).joined(separator: " "),
            "detriment-reported": detrimentReported ? "yes" : "no",
            "speak-up-again": speakUpAgain.rawValue,
            "outcome": outcome == nil ? "none" : "recorded",
        ]
    }

    public func recordedEvent(reference: String) -> AuditEvent {
        AuditEvent(action: "speak-up-case.record", entityType: "speak-up-case", entityID: reference, after: auditSnapshot)
    }

    /// The change from `old`, or nil when nothing changed (nothing to record).
    public func updatedEvent(from old: SpeakUpCase, reference: String) -> AuditEvent? {
        guard old != self else { return nil }
        var after = auditSnapshot
        if old.outcome != outcome { after["outcome"] = outcome == nil ? "removed" : "changed" }
        return AuditEvent(action: "speak-up-case.update", entityType: "speak-up-case", entityID: reference,
                          before: old.auditSnapshot, after: after)
    }
}

extension GuardianDirectoryEntry {
    public var auditSnapshot: [String: String] {
        var snapshot = ["name": name, "organisation": organisation, "email": email]
        snapshot["phone"] = phone
        snapshot["availability"] = availability
        return snapshot
    }

    public var addedEvent: AuditEvent {
        AuditEvent(action: "guardian-directory.add", entityType: "guardian-directory-entry", entityID: id, after: auditSnapshot)
    }

    public func updatedEvent(from old: GuardianDirectoryEntry) -> AuditEvent? {
        guard old.auditSnapshot != auditSnapshot else { return nil }
        return AuditEvent(action: "guardian-directory.update", entityType: "guardian-directory-entry", entityID: id,
                          before: old.auditSnapshot, after: auditSnapshot)
    }

    public var removedEvent: AuditEvent {
        AuditEvent(action: "guardian-directory.remove", entityType: "guardian-directory-entry", entityID: id, before: auditSnapshot)
    }
}

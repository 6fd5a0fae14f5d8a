extension Concern {
    /// The day the concern was last closed, while it is closed.
    public var closedOn: CalendarDay? {
        guard status == .closed else { return nil }
        return timeline.last { if case .closed = $0.kind { true } else { false } }?.day
    }
}

extension ConcernTimelineEntry {
    /// The entry with everything people wrote in it replaced by `RetentionText.removed`: outcomes,
    /// messages, notes, reasons and feedback comments. Who did what, and when, stays.
    public var withoutFreeText: ConcernTimelineEntry {
        let removed = RetentionText.removed
        let kind: Kind = switch self.kind {
        case .resolved: .resolved(outcome: removed)
        case .escalated(let stage, let from, let by, let reason, let flagged):
            .escalated(stage, from: from, by: by, reason: reason == nil ? nil : removed, safetyFlagged: flagged)
        case .transferred(let stage, let from, _): .transferred(stage, from: from, reason: removed)
        case .messageToReporter: .messageToReporter(removed)
        case .messageFromReporter: .messageFromReporter(removed)
        case .internalNote: .internalNote(removed)
        case .feedback(let rating, let comment): .feedback(rating: rating, comment: comment == nil ? nil : removed)
        case .received, .acknowledged, .workStarted, .reopened, .closed, .assigned, .labelAdded, .labelRemoved,
             .nameSharingConsentGiven:
            self.kind
        }
        return ConcernTimelineEntry(sequence: sequence, day: day, author: author, kind: kind)
    }
}

/// Descriptions that leave out what the reporter wrote and who they are, so that interpolating a
/// concern into a log line or an error message cannot leak an anonymous report's text or a
/// confidential reporter's name. Read the properties for the real values.
extension Concern: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "Concern(\(reference.value), \(status.rawValue), pathway \(pathway.rawValue), \(timeline.count) entries)"
    }
    public var debugDescription: String { description }
}

extension ConcernSubmission: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "ConcernSubmission(\(category.rawValue), pathway \(pathway.rawValue), \(howRaised.rawValue), text redacted)"
    }
    public var debugDescription: String { description }
}

extension ReporterIdentity: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "ReporterIdentity(redacted)" }
    public var debugDescription: String { description }
}

extension ConcernReporter: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "ConcernReporter(\(howRaised.rawValue), redacted)" }
    public var debugDescription: String { description }
}

extension ConcernTimelineEntry: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "ConcernTimelineEntry(#\(sequence) \(kind.name) on \(day.iso))" }
    public var debugDescription: String { description }
}

extension ConcernTimelineEntry.Kind: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { name }
    public var debugDescription: String { name }
}

extension ConcernReporterView: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "ConcernReporterView(\(reference.value), \(status.rawValue), \(entries.count) entries)" }
    public var debugDescription: String { description }
}

extension NewConcernForm: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "NewConcernForm(redacted)" }
    public var debugDescription: String { description }
}

/// The outcome of the signal rule for one organisation at one quarter. `reasons` lists every
/// source that worsened, worst first, even when too few did to raise the signal.
public struct EarlyWarningSignal: Hashable, Sendable {
    public var organisation: String
    /// The quarter assessed; nil when the history has no figures.
    public var quarter: CalendarQuarter?
    public var raised: Bool
    public var worsening: [SourceWorsening]

    public init(organisation: String, quarter: CalendarQuarter?, raised: Bool, worsening: [SourceWorsening]) {
        self.organisation = organisation
        self.quarter = quarter
        self.raised = raised
        self.worsening = worsening
    }

    public var reasons: [String] { worsening.map(\.reason) }

    public var sources: Set<EarlyWarningSource> { Set(worsening.map(\.source)) }

    /// How strong the signal is: the sum of each worsening source's move in margins, so more
    /// sources and bigger moves rank higher. Zero when not raised.
    public var strength: Double { raised ? worsening.reduce(0) { $0 + $1.severity } : 0 }

    /// The regional list: raised signals only, the most sources first, then the strongest, then
    /// by organisation code.
    public static func strongestFirst(_ signals: [EarlyWarningSignal]) -> [EarlyWarningSignal] {
        signals.filter(\.raised).sorted {
            if $0.worsening.count != $1.worsening.count { return $0.worsening.count > $1.worsening.count }
            if $0.strength != $1.strength { return $0.strength > $1.strength }
            return $0.organisation < $1.organisation
        }
    }

    /// A quality lead dismisses a raised signal, saying why. The dismissal covers this quarter's
    /// signal from these sources; a later quarter, or another source joining, raises it again.
    public func dismiss(reason: String?, by actor: String, on today: CalendarDay) throws(InvalidForm) -> (SignalDismissal, AuditEvent) {
        guard raised, let quarter else { throw InvalidForm(field: "reason", "There is no signal to dismiss.") }
        var problems = FormProblems()
        let why = problems.text("reason", reason, maxLength: 2_000, missing: "Say why the signal is dismissed.")
        try problems.check()
        let dismissal = SignalDismissal(organisation: organisation, quarter: quarter, sources: sources, reason: why!, by: actor, on: today)
        return (dismissal, AuditEvent(action: "early-warning.dismiss", entityType: "early-warning-signal",
                                      entityID: "\(organisation)/\(quarter)",
                                      after: ["reason": why!, "sources": sources.map(\.rawValue).sorted().joined(separator: ",")]))
    }

    /// Whether one of `dismissals` covers this signal.
    public func isDismissed(by dismissals: [SignalDismissal]) -> Bool { dismissals.contains { $0.covers(self) } }
}

/// A dismissed signal, with its reason.
public struct SignalDismissal: Hashable, Sendable {
    public var organisation: String
    public var quarter: CalendarQuarter
    public var sources: Set<EarlyWarningSource>
    public var reason: String
    public var by: String
    public var on: CalendarDay

    public init(organisation: String, quarter: CalendarQuarter, sources: Set<EarlyWarningSource>, reason: String, by: String, on: CalendarDay) {
        self.organisation = organisation
        self.quarter = quarter
        self.sources = sources
        self.reason = reason
        self.by = by
        self.on = on
    }

    public func covers(_ signal: EarlyWarningSignal) -> Bool {
        signal.organisation == organisation && signal.quarter == quarter && sources.isSuperset(of: signal.sources)
    }
}

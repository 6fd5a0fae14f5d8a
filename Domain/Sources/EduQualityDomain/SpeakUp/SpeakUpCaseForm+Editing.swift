extension SpeakUpCaseForm {
    /// The form filled in from a recorded case, for editing it.
    public init(editing c: SpeakUpCase) {
        self.init(raisedOn: c.raisedOn.iso, organisation: c.organisation, howRaised: c.howRaised.rawValue,
                  workerGroup: c.workerGroup,
                  themes: SpeakUpTheme.allCases.filter(c.themes.contains).map(\.rawValue),
                  detrimentReported: c.detrimentReported ? "yes" : "no", outcome: c.outcome,
                  speakUpAgain: c.speakUpAgain.rawValue)
    }
}

/// What may and may not lead to suspending postgraduate medical training, as configurable data
/// (`Seed/reference/suspension-reasons.json`). A trigger must be confirmed; the out-of-scope
/// reasons are refused with the explanation, so the workflow itself teaches the policy.
public struct SuspensionReasons: Hashable, Sendable, Codable {
    public struct Reason: Hashable, Sendable, Codable {
        public let code: String
        public let name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public let triggers: [Reason]
    public let outOfScope: [Reason]
    /// The professions whose training the policy covers (doctors in training).
    public let professions: [String]

    public init(triggers: [Reason], outOfScope: [Reason], professions: [String]) {
        self.triggers = triggers
        self.outOfScope = outOfScope
        self.professions = professions
    }

    public static let standard = SuspensionReasons(
        triggers: [
            Reason(code: "undermining-bullying", name: "Confirmed undermining or bullying"),
            Reason(code: "inadequate-supervision", name: "Inadequate clinical supervision"),
            Reason(code: "inadequate-resources", name: "Inadequate resources or facilities"),
            Reason(code: "reconfiguration-curriculum", name: "A reconfiguration that no longer meets the curriculum"),
        ],
        outOfScope: [
            Reason(code: "rotation-gaps", name: "Rotation gaps"),
            Reason(code: "allocations", name: "Allocations of trainees"),
            Reason(code: "working-relationship", name: "Breakdown of a working relationship"),
            Reason(code: "planned-capacity-reduction", name: "Planned capacity reductions"),
            Reason(code: "post-removal", name: "Removal of posts through service change"),
            Reason(code: "minor-component", name: "Minor components of a programme"),
            Reason(code: "fallow-environment", name: "Learning environments left fallow"),
        ],
        professions: ["doctor-foundation", "doctor-core", "doctor-specialty"])

    public func trigger(_ code: String) -> Reason? { triggers.first { $0.code == code } }
    public func outOfScopeReason(_ code: String) -> Reason? { outOfScope.first { $0.code == code } }

    /// Why an out-of-scope reason is refused.
    public func refusal(for reason: Reason) -> String {
        "\(reason.name) is outside the policy on suspending postgraduate medical training: it is handled "
            + "through the usual programme and workforce processes. Suspension is considered only for "
            + triggers.map { $0.name.lowercased() }.joined(separator: ", ") + "."
    }
}

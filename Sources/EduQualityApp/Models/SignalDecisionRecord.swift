import EduQualityDomain
import Fluent
import Foundation

/// What a quality lead did with an early-warning signal: dismissed it with a reason, or opened a
/// register entry from it. `sources` are the sources that had worsened, `,`-separated; `signatory`
/// is the Emerging Concerns signatory the lead acted for, since a decision covering emerging
/// concerns is shown only to those who act for the same one.
final class SignalDecisionRecord: Model, @unchecked Sendable {
    static let schema = "early_warning_decisions"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_code") var organisationCode: String
    @Field(key: "quarter") var quarter: String
    @Field(key: "sources") var sources: String
    @Field(key: "kind") var kind: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "register_entry") var registerEntry: String?
    @OptionalField(key: "signatory") var signatory: String?
    @Field(key: "by_name") var byName: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "at") var at: Date

    enum Kind: String { case dismissed, registerEntry = "register-entry" }

    init() {}

    init(_ dismissal: SignalDismissal, signatory: String?) {
        organisationCode = dismissal.organisation
        quarter = dismissal.quarter.description
        sources = dismissal.sources.map(\.rawValue).sorted().joined(separator: ",")
        kind = Kind.dismissed.rawValue
        reason = dismissal.reason
        self.signatory = signatory
        byName = dismissal.by
        decidedOn = dismissal.on.iso
        at = Date()
    }

    var sourceSet: Set<EarlyWarningSource> { Set(sources.split(separator: ",").compactMap { EarlyWarningSource(rawValue: String($0)) }) }

    /// The dismissal, for a record of one.
    var dismissal: SignalDismissal? {
        guard kind == Kind.dismissed.rawValue, let q = CalendarQuarter(quarter), let day = CalendarDay(iso: decidedOn) else { return nil }
        return SignalDismissal(organisation: organisationCode, quarter: q, sources: sourceSet, reason: reason, by: byName, on: day)
    }
}

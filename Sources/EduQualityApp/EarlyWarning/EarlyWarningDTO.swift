import EduQualityDomain
import Vapor

/// The early-warning view's JSON shapes: `{organisation, periods, sources:[{source, series:[{period,
/// value}]}], signal:{raised, reasons}}`, with a suppressed figure as a null value marked
/// `suppressed`.
enum EarlyWarningDTO {
    struct Point: Content {
        let period: String
        let value: Int?
        let suppressed: Bool

        /// A figure withheld or missing is written as `null`, not left out.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(value, forKey: .value)
            try c.encode(suppressed, forKey: .suppressed)
        }
    }
    struct Series: Content { let source, name: String; let series: [Point] }
    struct Dismissal: Content { let reason, by, on: String }
    struct Signal: Content {
        let raised: Bool
        let quarter: String?
        let reasons: [String]
        let sources: [String]
        let strength: Double
        let dismissed: Dismissal?
        let registerEntries: [String]
    }
    struct Organisation: Content {
        let organisation, name, region: String
        let periods: [String]
        let sources: [Series]
        let signal: Signal
    }
    struct Listed: Content {
        let organisation, name: String
        let quarter: String?
        let strength: Double
        let reasons, sources: [String]
        let dismissed: Bool
    }
    struct RegionList: Content { let region: String; let items: [Listed]; let total: Int; let dismissed: [Listed] }

    static func signal(_ a: EarlyWarningStore.Assessed) -> Signal {
        let s = a.signal
        return Signal(raised: s.raised, quarter: s.quarter?.description, reasons: s.reasons, sources: s.worsening.map(\.source.rawValue),
                      strength: s.strength, dismissed: a.dismissal.map { Dismissal(reason: $0.reason, by: $0.byName, on: $0.decidedOn) },
                      registerEntries: a.registerEntries.compactMap(\.registerEntry))
    }

    static func organisation(_ a: EarlyWarningStore.Assessed) -> Organisation {
        Organisation(organisation: a.code, name: a.name, region: a.region, periods: a.periods.map(\.description),
                     sources: a.history.series.map { s in
                         Series(source: s.source.rawValue, name: s.source.displayName, series: a.periods.map { p in
                             let v = s.value(at: p)
                             return Point(period: p.description, value: v?.number, suppressed: v == .suppressed)
                         })
                     },
                     signal: signal(a))
    }

    static func listed(_ a: EarlyWarningStore.Assessed) -> Listed {
        Listed(organisation: a.code, name: a.name, quarter: a.signal.quarter?.description, strength: a.signal.strength,
               reasons: a.signal.reasons, sources: a.signal.worsening.map(\.source.rawValue), dismissed: a.dismissal != nil)
    }
}

import EduQualityDomain
import Leaf

/// `#longDate(day)` in a template: a stored `YYYY-MM-DD` as people read it, "31 December 2026",
/// by the one rule `CalendarDay.longDescription`. Anything else is printed as it is (escaped,
/// like every tag's output).
struct LongDateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let text = ctx.parameters.first?.string, !text.isEmpty else { return .string("") }
        return .string(CalendarDay.longDescription(iso: text))
    }
}

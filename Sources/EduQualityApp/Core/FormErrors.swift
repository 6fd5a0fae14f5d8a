import EduQualityDomain
/// A form's errors, for the error summary (`list`) and for each field's message (`by.field`).
struct FormErrors: Encodable, ExpressibleByArrayLiteral {
    let list: [FieldError]
    let by: [String: String]
    let hasErrors: Bool

    init(_ list: [FieldError]) {
        self.list = list
        var by: [String: String] = [:]
        for e in list where by[e.field] == nil { by[e.field] = e.message }
        self.by = by
        self.hasErrors = !list.isEmpty
    }

    init(arrayLiteral elements: FieldError...) { self.init(elements) }
}

extension InvalidForm {
    /// The domain's field problems, as the pages and the API report them.
    var fieldErrors: [FieldError] { problems.map { FieldError($0.field, $0.message) } }
}

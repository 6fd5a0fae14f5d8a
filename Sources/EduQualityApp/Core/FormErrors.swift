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

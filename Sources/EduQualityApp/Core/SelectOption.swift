/// One option of a select box or radio group.
struct SelectOption: Encodable {
    let code: String
    let name: String
    let selected: Bool
}

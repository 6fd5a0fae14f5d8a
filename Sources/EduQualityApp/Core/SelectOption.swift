/// One option of a select box, radio group or checkbox group.
struct SelectOption: Encodable {
    let code: String
    let name: String
    let selected: Bool
    var hint: String? = nil
    /// Options of a select box can be grouped (sites under their organisation).
    var group: String? = nil
}

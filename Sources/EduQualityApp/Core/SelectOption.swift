/// One option of a select box, radio group or checkbox group.
struct SelectOption: Encodable {
    let code: String
    let name: String
    let selected: Bool
    var hint: String? = nil
    /// Options of a select box can be grouped (sites under their organisation).
    var group: String? = nil
}

/// Options of a select box under one heading, such as an organisation's sites.
struct SelectOptionGroup: Encodable {
    /// The code of what the options belong to, for the page script that narrows the list.
    let code: String
    let label: String
    let options: [SelectOption]
}

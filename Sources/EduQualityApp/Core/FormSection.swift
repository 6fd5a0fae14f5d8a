/// A run of fields drawn together. A section can depend on a radio group: the page script shows
/// it only while one of `revealedFor` is chosen in the group `revealedBy`, and disables its
/// controls otherwise so nothing hidden is sent. Without JavaScript every section shows, and the
/// server's checks say what does not fit the choice.
struct FormSection: Encodable {
    let fields: [FormField]
    var revealedBy: String? = nil
    /// The group's values that show the section, separated by spaces.
    var revealedFor: String = ""
}

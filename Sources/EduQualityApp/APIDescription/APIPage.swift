/// The `/api` page: the document's operations grouped by its tags, in the tags' order, each
/// tag's operations by path and then method.
struct APIPage: Encodable {
    struct Line: Encodable {
        let method: String
        let path: String
        let summary: String
        let access: String
    }
    struct Group: Encodable {
        let name: String
        let anchor: String
        let description: String
        let operations: [Line]
    }

    let layout: Layout
    let title: String
    let version: String
    let groups: [Group]

    init(_ document: APIDocument, layout: Layout) {
        self.layout = layout
        title = document.value["info"]?["title"]?.string ?? "API"
        version = document.value["info"]?["version"]?.string ?? ""
        let operations = document.operations
        let order = APIDocument.methods.map { $0.uppercased() }
        groups = document.tags.compactMap { tag in
            let lines = operations.filter { $0.tag == tag.name }
                .sorted { ($0.path, order.firstIndex(of: $0.method) ?? 0) < ($1.path, order.firstIndex(of: $1.method) ?? 0) }
                .map { Line(method: $0.method, path: $0.path, summary: $0.summary, access: $0.isPublic ? "Anyone" : "Signed in or token") }
            guard !lines.isEmpty else { return nil }
            let anchor = tag.name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            return Group(name: tag.name, anchor: anchor, description: tag.description, operations: lines)
        }
    }
}

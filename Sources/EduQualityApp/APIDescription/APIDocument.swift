import Foundation
import Vapor

/// The OpenAPI 3.1 description of the JSON API, kept by hand in `Resources/OpenAPI/openapi.json`
/// and read once at start-up. That file is the one source: the YAML form, the `/api` page and the
/// route-coverage test are all drawn from it, and the test fails when a route under `/api/` and
/// the document disagree.
struct APIDocument: Sendable {
    static let relativePath = "OpenAPI/openapi.json"
    static let methods = ["get", "put", "post", "patch", "delete"]

    /// The file's bytes, served as they are.
    let json: Data
    let value: DocumentValue

    init(json: Data) throws {
        self.json = json
        value = try JSONDecoder().decode(DocumentValue.self, from: json)
        guard value["openapi"]?.string?.hasPrefix("3.1") == true, value["paths"] != nil else {
            throw DocumentError.notOpenAPI
        }
    }

    static func load(resourcesDirectory: String) throws -> APIDocument {
        let url = URL(fileURLWithPath: resourcesDirectory).appendingPathComponent(relativePath)
        return try APIDocument(json: try Data(contentsOf: url))
    }

    enum DocumentError: Error { case notOpenAPI }

    var yaml: String { YAMLWriter.yaml(value) }

    /// One operation of the document.
    struct Operation: Sendable, Equatable {
        let method: String
        let path: String
        let tag: String
        let summary: String
        /// Whether it needs no credentials (its security lists the empty requirement).
        let isPublic: Bool
    }

    var operations: [Operation] {
        value["paths"]?.members.flatMap { path, item in
            item.members.filter { Self.methods.contains($0.key) }.map { method, operation in
                let security = operation["security"]?.array ?? value["security"]?.array ?? []
                return Operation(method: method.uppercased(), path: path, tag: operation["tags"]?.array.first?.string ?? "",
                                 summary: operation["summary"]?.string ?? "",
                                 isPublic: security.isEmpty || security.contains { $0.members.isEmpty })
            }
        } ?? []
    }

    /// The tags in the document's order, with their descriptions.
    var tags: [(name: String, description: String)] {
        value["tags"]?.array.compactMap { tag in
            tag["name"]?.string.map { (name: $0, description: tag["description"]?.string ?? "") }
        } ?? []
    }
}

extension Application {
    private struct APIDocumentKey: StorageKey { typealias Value = APIDocument }

    /// The API description, loaded on first use from the resources directory.
    var apiDocument: APIDocument {
        get throws {
            if let loaded = storage[APIDocumentKey.self] { return loaded }
            let loaded = try APIDocument.load(resourcesDirectory: directory.resourcesDirectory)
            storage[APIDocumentKey.self] = loaded
            return loaded
        }
    }
}

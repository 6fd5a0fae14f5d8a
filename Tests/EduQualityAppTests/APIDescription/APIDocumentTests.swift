import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("API description")
struct APIDocumentTests {
    /// `METHOD /path/{name}` for every route the application registers under `/api/`.
    static func routedOperations(_ app: Application) -> Set<String> {
        Set(app.routes.all.filter { $0.path.count > 1 && $0.path.first?.description == "api" }.map { route in
            let path = route.path.map { component -> String in
                if case .parameter(let name) = component { return "{\(name)}" }
                return component.description
            }
            return "\(route.method.rawValue) /" + path.joined(separator: "/")
        })
    }

    @Test("every route under /api/ is in the document, and the document names no route that is not there")
    func coverage() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let document = try app.apiDocument
            // MUT
            let routed = Self.routedOperations(app)
            let described = Set(document.operations.map { "\($0.method) \($0.path)" })
            // validate
            #expect(routed.count > 50, "the API's routes were found")
            for missing in routed.subtracting(described).sorted() {
                Issue.record("\(missing) is routed but not in Resources/OpenAPI/openapi.json")
            }
            for extra in described.subtracting(routed).sorted() {
                Issue.record("\(extra) is in Resources/OpenAPI/openapi.json but not routed")
            }
        }
    }

    @Test("every operation has a tag the document lists, a summary, security and a problem answer for 401")
    func operationsComplete() async throws {
        try await withTestApp(.sqlite) { app in
            let document = try app.apiDocument
            let tags = Set(document.tags.map(\.name))
            for (path, item) in document.value["paths"]?.members ?? [] {
                for (method, operation) in item.members where APIDocument.methods.contains(method) {
                    let name = "\(method.uppercased()) \(path)"
                    #expect(operation["tags"]?.array.first?.string.map { tags.contains($0) } == true, "\(name): tag")
                    #expect(operation["summary"]?.string?.isEmpty == false, "\(name): summary")
                    #expect(!(operation["security"]?.array.isEmpty ?? true), "\(name): security")
                    #expect(operation["responses"]?["401"] != nil, "\(name): 401 answer")
                    let parameters = operation["parameters"]?.array.filter { $0["in"]?.string == "path" }.compactMap { $0["name"]?.string } ?? []
                    let named = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                    #expect(parameters.sorted() == named.sorted(), "\(name): path parameters")
                }
            }
        }
    }

    @Test("the document is served as kept, as JSON and as YAML, to anyone")
    func served() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let kept = try Data(contentsOf: URL(fileURLWithPath: app.directory.resourcesDirectory + APIDocument.relativePath))
            // MUT
            let json = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            let yaml = try await app.testing().sendRequest(.GET, "/api/v1/openapi.yaml")
            // validate
            #expect(json.status == .ok)
            #expect(json.headers.contentType == .json)
            #expect(Data(json.body.readableBytesView) == kept)
            #expect(yaml.status == .ok)
            #expect(yaml.headers.contentType?.subType == "yaml")
            #expect(yaml.body.string.contains("\n\"openapi\": \"3.1.0\"\n"))
            #expect(yaml.body.string.contains("\n  \"/api/v1/organisations\":\n"))
        }
    }

    @Test("the /api page links to the document and lists every operation under its tag")
    func page() async throws {
        try await withTestApp(.sqlite) { app in
            let document = try app.apiDocument
            let res = try await app.testing().sendRequest(.GET, "/api")
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(html.contains("href=\"/api/v1/openapi.json\"") && html.contains("href=\"/api/v1/openapi.yaml\""))
            for tag in document.tags { #expect(html.contains(">\(tag.name)</h2>"), "\(tag.name)") }
            for operation in document.operations {
                #expect(html.contains("<code>\(operation.path)</code>"), "\(operation.method) \(operation.path)")
            }
        }
    }

    @Test("YAML is written with every string quoted, collections in blocks and empty ones inline")
    func yamlWriter() throws {
        // setup
        let value = try JSONDecoder().decode(DocumentValue.self, from: Data("""
            {"b": [1, 2.5, true, null, {"y": "two\\nlines \\"quoted\\" \\u0007", "x": []}], "a": {}, "200": "ok"}
            """.utf8))
        // MUT
        let yaml = YAMLWriter.yaml(value)
        // validate
        #expect(yaml == """
            "200": "ok"
            "a": {}
            "b":
              - 1
              - 2.5
              - true
              - null
              -
                "x": []
                "y": "two\\nlines \\"quoted\\" \\u0007"

            """)
    }
}

import Foundation
import Testing
@testable import EduQualityApp
import Vapor

@Suite("Oversized requests on a real connection")
struct OversizedRequestTests {
    /// Starts the app on a free loopback port, runs `body` with it, and stops the server.
    static func withServer(_ body: (Int) async throws -> Void) async throws {
        try await withTestApp(.sqlite) { app in
            try await app.asyncBoot()
            let port = try await TestPorts.free()
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            do {
                try await body(port)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    static func get(_ target: String, headers: String = "") -> String {
        "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\(headers)\r\n"
    }

    static func expectProblem(_ answer: RawHTTPConnection.Answer, status: Int) {
        #expect(answer.status == status)
        #expect(answer.headers["content-type"] == "application/problem+json")
        #expect(answer.body.contains("\"status\":\(status)"), "\(answer.body)")
        #expect(answer.headers["x-content-type-options"] == "nosniff")
        #expect(answer.headers["content-security-policy"] == SecurityHeadersMiddleware.contentSecurityPolicy)
    }

    /// The connection is still open and answering.
    static func expectStillAnswering(_ connection: RawHTTPConnection) async throws {
        try await connection.send(get("/api/v1/regions"))
        #expect(try await connection.answer().status == 200)
        await connection.close()
    }

    @Test("a 100 KB address is 414 and a 100 KB header 431, as problem JSON; the server goes on answering")
    func oversizedHeads() async throws {
        try await Self.withServer { port in
            let long = try await RawHTTPConnection.connect(port: port)
            try await long.send(Self.get("/" + String(repeating: "a", count: 100_000)))
            let uriTooLong = try await long.answer()
            Self.expectProblem(uriTooLong, status: 414)
            #expect(uriTooLong.headers["connection"] == "close")
            #expect(try await long.isClosedByServer())

            let header = try await RawHTTPConnection.connect(port: port)
            try await header.send(Self.get("/", headers: "X-Padding: \(String(repeating: "b", count: 100_000))\r\n"))
            let fieldsTooLarge = try await header.answer()
            Self.expectProblem(fieldsTooLarge, status: 431)
            #expect(fieldsTooLarge.headers["connection"] == "close")
            #expect(try await header.isClosedByServer())

            let normal = try await RawHTTPConnection.connect(port: port)
            try await normal.send(Self.get("/api/v1/regions"))
            let ok = try await normal.answer()
            #expect(ok.status == 200)
            #expect(ok.headers["x-frame-options"] == "DENY")
            await normal.close()
        }
    }

    @Test("a 3 KB address is still the middleware's 414, and the connection stays open")
    func longAddressBelowTheParserLimit() async throws {
        try await Self.withServer { port in
            let connection = try await RawHTTPConnection.connect(port: port)
            try await connection.send(Self.get("/api/v1/" + String(repeating: "c", count: 3_000)))
            Self.expectProblem(try await connection.answer(), status: 414)
            try await Self.expectStillAnswering(connection)
        }
    }

    @Test("a body over its route's limit is 413, and over every route's limit too, with the connection kept")
    func bodyOverTheLimit() async throws {
        try await Self.withServer { port in
            let connection = try await RawHTTPConnection.connect(port: port)
            for size in [1_100_000, 17_000_000] {
                let body = String(repeating: "x", count: size)
                try await connection.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(size)\r\n\r\n" + body)
                Self.expectProblem(try await connection.answer(), status: 413)
            }
            try await Self.expectStillAnswering(connection)
        }
    }

    @Test("keep-alive: requests one after another and two in one write are all answered, HEAD without a body")
    func keepAlive() async throws {
        try await Self.withServer { port in
            let connection = try await RawHTTPConnection.connect(port: port)
            try await connection.send(Self.get("/api/v1/regions"))
            let first = try await connection.answer()
            #expect(first.status == 200 && first.headers["connection"] == "keep-alive")
            try await connection.send("HEAD /api/v1/regions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let head = try await connection.answer(headOnly: true)
            #expect(head.status == 200 && head.headers["content-length"] == first.headers["content-length"])
            try await connection.send(Self.get("/api/v1/regions") + Self.get("/no-such-page"))
            #expect(try await connection.answer().status == 200)
            #expect(try await connection.answer().status == 404)
            // After a request in the same write, an over-long address is still told apart from long headers.
            try await connection.send(Self.get("/api/v1/regions") + Self.get("/" + String(repeating: "d", count: 100_000)))
            #expect(try await connection.answer().status == 200)
            Self.expectProblem(try await connection.answer(), status: 414)
        }
    }
}

import Foundation
import Logging
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Over-long and odd request targets")
struct RequestTargetTests {
    /// Sends each target to a running server and returns the statuses with everything logged.
    static func send(_ targets: [String], accept: String = "text/html") async throws -> (statuses: [UInt], log: CapturedLog, bodies: [String]) {
        try await withTestApp(.sqlite) { app in
            let log = CapturedLog()
            app.logger = Logger(label: "test") { log.handler(label: $0) }
            app.logger.logLevel = .info
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: await TestPorts.free()))
            var statuses: [UInt] = []
            var bodies: [String] = []
            for target in targets {
                let res = try await tester.sendRequest(.GET, target, headers: ["Accept": accept])
                statuses.append(res.status.code)
                bodies.append(res.body.string)
            }
            return (statuses, log, bodies)
        }
    }

    static func checkLog(_ log: CapturedLog) {
        for line in log.text.split(separator: "\n") {
            #expect(line.count <= 500, "a log line of \(line.count) characters")
            #expect(!line.hasPrefix("critical") && !line.hasPrefix("error"), "\(line.prefix(200))")
        }
        #expect(!log.text.contains(String(repeating: "a", count: 300)))
    }

    @Test("a 4,100-character path is 414 with the error page, and the log stays short and calm")
    func longPath() async throws {
        let long = "/" + String(repeating: "a", count: 4_100)
        let (statuses, log, bodies) = try await Self.send([long, "/static" + long, "/concerns/cases" + long])
        #expect(statuses == [414, 414, 414])
        #expect(bodies.allSatisfy { $0.contains("The address is too long") && !$0.contains(String(repeating: "a", count: 300)) })
        #expect(log.text.contains("GET /aaaa") && log.text.contains("(4101 bytes) 414"))
        Self.checkLog(log)
    }

    @Test("the API answers an over-long path with problem JSON")
    func longPathAPI() async throws {
        let (statuses, _, bodies) = try await Self.send(["/api/v1/" + String(repeating: "b", count: 3_000)], accept: "application/json")
        #expect(statuses == [414])
        #expect(bodies[0].contains("\"status\":414"))
    }

    @Test("a path just too long for the file system, one with %00 and a long query string are never a 5xx")
    func oddPaths() async throws {
        let (statuses, log, _) = try await Self.send([
            "/" + String(repeating: "c", count: 300),            // over NAME_MAX, under the limit
            "/" + String(repeating: "d/", count: 1_000),          // deep, under the limit
            "/css%00.css", "/concerns%00/new", "/%0A%0Dinjected",
            "/nothing-here?q=" + String(repeating: "e", count: 10_000),
            "/?q=" + String(repeating: "f", count: 9_000),
        ])
        #expect(statuses == [404, 404, 404, 404, 404, 414, 414], "\(statuses)")
        #expect(!log.text.contains("injected\n"))
        Self.checkLog(log)
    }

    @Test("logged text is bounded and has no control characters")
    func bounded() {
        #expect(LoggableText.bounded("/short") == "/short")
        let cut = LoggableText.bounded(String(repeating: "x", count: 5_000), limit: 200)
        #expect(cut == String(repeating: "x", count: 200) + "…(5000 bytes)")
        #expect(LoggableText.bounded("a\nb\u{0}c") == "a?b?c")
    }
}

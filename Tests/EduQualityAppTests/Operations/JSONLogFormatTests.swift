import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("JSON logs")
struct JSONLogFormatTests {
    /// The lines a `JSONLogHandler` wrote.
    final class Lines: Sendable {
        private let box = NIOLockedValueBox<[String]>([])
        var all: [String] { box.withLockedValue { $0 } }
        func append(_ line: String) { box.withLockedValue { $0.append(line) } }
        func objects() throws -> [[String: Any]] {
            try all.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
    }

    @Test("each entry is one JSON object on one line, with time, level, label, message and metadata")
    func shape() throws {
        // setup
        let lines = Lines()
        var logger = Logger(label: "eduquality.test") { JSONLogHandler(label: $0, write: lines.append) }
        logger[metadataKey: "request-id"] = "abc"
        // MUT
        logger.info("a \"quoted\"\nmessage", metadata: ["status": .stringConvertible(404), "list": .array(["x", "y"])])
        logger.debug("below the level")
        // validate
        #expect(lines.all.count == 1)
        #expect(!lines.all[0].contains("\n"))
        let object = try #require(try lines.objects().first)
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "eduquality.test")
        #expect(object["message"] as? String == "a \"quoted\"\nmessage")
        let time = try #require(object["time"] as? String)
        #expect(time.hasSuffix("Z") && time.contains("."), "UTC, to the millisecond: \(time)")
        #expect(try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time).timeIntervalSinceNow > -60)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["request-id"] as? String == "abc")
        #expect(metadata["status"] as? String == "404")
        #expect(metadata["list"] as? [String] == ["x", "y"])
    }

    @Test("the request log in JSON carries method, path, status and time, and nothing about an anonymous reporter")
    func anonymousRequest() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let lines = Lines()
            app.logger = Logger(label: "test") { JSONLogHandler(label: $0, write: lines.append) }
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: await TestPorts.free()))
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .userAgent, value: ConcernAnonymityTests.probeAgent)
            headers.add(name: "X-Forwarded-For", value: "203.0.113.77")
            let body = """
            {"anonymity":"anonymous","organisation":"T001","site":"T001-01","category":"supervision","pathway":1,
             "description":"\(ConcernAnonymityTests.secretText)"}
            """
            // MUT
            let res = try await tester.sendRequest(.POST, "/api/v1/concerns", headers: headers, body: ByteBuffer(string: body))
            // validate
            #expect(res.status == .created)
            let objects = try lines.objects()
            let request = try #require(objects.first { ($0["message"] as? String)?.hasPrefix("POST /api/v1/concerns 201") == true })
            let metadata = try #require(request["metadata"] as? [String: Any])
            #expect(metadata["method"] as? String == "POST")
            #expect(metadata["path"] as? String == "/api/v1/concerns")
            #expect(metadata["status"] as? String == "201")
            #expect(metadata["ms"] is String)
            let created = try JSONDecoder().decode(ConcernAPI.Created.self, from: Data(res.body.string.utf8))
            for leak in [ConcernAnonymityTests.probeAgent, "203.0.113.77", "127.0.0.1", ConcernAnonymityTests.secretText,
                         created.receiptCode!, "unique-agent-string"] {
                #expect(!lines.all.contains { $0.contains(leak) }, "\(leak) was logged")
            }
        }
    }
}

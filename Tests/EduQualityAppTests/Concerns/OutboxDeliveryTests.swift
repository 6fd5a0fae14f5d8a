import EduQualityDomain
import Fluent
import Foundation
import Glibc
import Testing
@testable import EduQualityApp
import Vapor

/// A one-connection SMTP server on loopback that records what it is sent.
final class FakeMailRelay: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private let refuseRecipients: Bool

    var messages: [String] { lock.withLock { received } }

    init(refuseRecipients: Bool = false) throws {
        self.refuseRecipients = refuseRecipients
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        listener = fd
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        listen(fd, 8)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread.detachNewThread { [self] in self.serve() }
    }

    private func serve() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            func say(_ s: String) { _ = s.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
            var reader = SMTPClient.LineReader(fd: fd)
            say("220 fake relay\r\n")
            var data: String?
            while let line = try? reader.next() {
                if var body = data {
                    if line == "." {
                        lock.withLock { received.append(body) }
                        data = nil
                        say("250 queued\r\n")
                    } else {
                        body += line + "\n"
                        data = body
                    }
                    continue
                }
                switch line.prefix(4).uppercased() {
                case "EHLO": say("250-fake\r\n250 8BITMIME\r\n")
                case "MAIL": say("250 ok\r\n")
                case "RCPT": say(refuseRecipients ? "550 no such user\r\n" : "250 ok\r\n")
                case "DATA": data = ""; say("354 go ahead\r\n")
                case "QUIT": say("221 bye\r\n")
                default: say("500 what\r\n")
                }
                if line.uppercased() == "QUIT" { break }
            }
            close(fd)
        }
    }

    deinit { close(listener) }
}

@Suite("Delivering notices by mail")
struct OutboxDeliveryTests {
    @Test("waiting notices go through the relay and are marked sent")
    func delivered() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await ConcernAPI.raise(app)
            let relay = try FakeMailRelay()
            let smtp = SMTPClient(host: "127.0.0.1", port: relay.port, from: "eduquality@example.org", timeoutSeconds: 5)
            // MUT
            let (sent, failed) = try await OutboxDelivery(db: app.db, smtp: smtp, threadPool: app.threadPool).deliver()
            // validate
            #expect(sent >= 1 && failed == 0)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$sentOn == nil).count() == 0)
            let mail = try #require(relay.messages.first)
            #expect(mail.contains("Subject: "))
            #expect(mail.contains("/concerns/cases/CN-"))
            #expect(!mail.contains("No supervisor on nights"), "the notice carries no case text")
        }
    }

    @Test("a refused notice stays waiting with its error, and is retried a limited number of times")
    func refused() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await ConcernAPI.raise(app)
            let relay = try FakeMailRelay(refuseRecipients: true)
            let smtp = SMTPClient(host: "127.0.0.1", port: relay.port, from: "eduquality@example.org", timeoutSeconds: 5)
            let delivery = OutboxDelivery(db: app.db, smtp: smtp, threadPool: app.threadPool)
            for _ in 0..<(OutboxDelivery.maxAttempts + 2) { try await delivery.deliver() }
            let messages = try await OutboxMessage.query(on: app.db).all()
            #expect(messages.allSatisfy { $0.sentOn == nil && $0.attempts == OutboxDelivery.maxAttempts })
            #expect(messages.allSatisfy { $0.lastError?.contains("550") == true })
        }
    }
}

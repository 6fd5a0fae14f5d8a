import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

enum TestPorts {
    /// A loopback port nothing listens on: the system's choice for port 0, released at once.
    static func free() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress!.port!
        try await channel.close()
        return port
    }
}

/// One TCP connection to a running server, sending bytes exactly as given (a 100 KB address,
/// two requests in one write) and reading the answers as they come.
final class RawHTTPConnection: Sendable {
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    struct NoAnswer: Error, CustomStringConvertible {
        let received: String
        var description: String { "no complete answer; received \(received.utf8.count) bytes: \(received.prefix(300))" }
    }

    private let channel: any Channel
    private let received: Received

    private init(channel: any Channel, received: Received) {
        self.channel = channel
        self.received = received
    }

    static func connect(port: Int) async throws -> RawHTTPConnection {
        let received = Received()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(received: received)) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawHTTPConnection(channel: channel, received: received)
    }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    /// The next answer; `headOnly` for the answer to a HEAD request, which has no body.
    func answer(headOnly: Bool = false, timeout: Duration = .seconds(20)) async throws -> Answer {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let answer = received.takeAnswer(headOnly: headOnly) { return answer }
            if received.isClosed { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw NoAnswer(received: received.text)
    }

    /// Whether the server closes the connection within a few seconds.
    func isClosedByServer() async throws -> Bool {
        for _ in 0..<500 where !received.isClosed { try await Task.sleep(for: .milliseconds(10)) }
        return received.isClosed
    }

    func close() async {
        try? await channel.close()
    }

    private final class Received: Sendable {
        private let state = NIOLockedValueBox((bytes: [UInt8](), closed: false))

        var isClosed: Bool { state.withLockedValue { $0.closed } }
        var text: String { state.withLockedValue { String(decoding: $0.bytes, as: UTF8.self) } }

        func append(_ bytes: [UInt8]) { state.withLockedValue { $0.bytes += bytes } }
        func close() { state.withLockedValue { $0.closed = true } }

        func takeAnswer(headOnly: Bool) -> Answer? {
            state.withLockedValue { state in
                let bytes = state.bytes
                let blank = Array("\r\n\r\n".utf8)
                guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == blank }) else { return nil }
                let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                let status = Int(lines[0].split(separator: " ")[1]) ?? 0
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = headOnly ? 0 : Int(headers["content-length"] ?? "0") ?? 0
                guard bytes.count >= end + 4 + length else { return nil }
                state.bytes = Array(bytes[(end + 4 + length)...])
                return Answer(status: status, headers: headers,
                              body: String(decoding: bytes[(end + 4)..<(end + 4 + length)], as: UTF8.self))
            }
        }
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received: Received

        init(received: Received) { self.received = received }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received.append(buffer.readBytes(length: buffer.readableBytes) ?? [])
        }

        func channelInactive(context: ChannelHandlerContext) {
            received.close()
            context.fireChannelInactive()
        }
    }
}

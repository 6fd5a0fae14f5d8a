import NIOCore
import NIOHTTP1
import Vapor

/// Turns each decoded request into a `Vapor.Request` for the app's responder (middleware, routes)
/// and writes its `Response` back: keep-alive as the client asked, no body for HEAD, the `Date`
/// and server-name headers as Vapor's server adds them. A request body is collected whole before
/// the responder runs, up to the largest limit of any route (`maxBodyBytes`); a longer one is
/// read to its end and thrown away, and the request goes on marked `bodyTooLarge`, for
/// `UploadLimitMiddleware` to refuse with a 413. Streamed response bodies (files) are collected
/// before they are written.
final class VaporRequestBridge: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        case reading(HTTPRequestHead, ByteBuffer?)
        case discarding
    }

    private let application: Application
    private let serverName: String?
    private let maxBodyBytes: Int
    private var state = State.idle

    init(application: Application, serverName: String?, maxBodyBytes: Int) {
        self.application = application
        self.serverName = serverName
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            state = .reading(head, nil)
        case .body(let chunk):
            guard case .reading(let head, var body) = state else { return }
            state = .idle  // the buffer grows in place only while nothing else holds it
            guard (body?.readableBytes ?? 0) + chunk.readableBytes <= maxBodyBytes else {
                state = .discarding
                respond(to: head, body: nil, bodyTooLarge: true, context: context)
                return
            }
            if body == nil {
                let declared = head.headers.first(name: .contentLength).flatMap { Int($0) } ?? 0
                body = context.channel.allocator.buffer(capacity: min(max(declared, chunk.readableBytes), maxBodyBytes))
            }
            body!.writeImmutableBuffer(chunk)
            state = .reading(head, body)
        case .end:
            if case .reading(let head, let body) = state {
                respond(to: head, body: body, bodyTooLarge: false, context: context)
            }
            state = .idle
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func respond(to head: HTTPRequestHead, body: ByteBuffer?, bodyTooLarge: Bool, context: ChannelHandlerContext) {
        let request = Request(application: application, method: head.method, url: URI(path: head.uri),
                              version: head.version, headersNoUpdate: head.headers, collectedBody: body,
                              remoteAddress: context.channel.remoteAddress, logger: application.logger,
                              byteBufferAllocator: context.channel.allocator, on: context.eventLoop)
        if bodyTooLarge { request.storage[BodyTooLargeKey.self] = true }
        let keepAlive = head.isKeepAlive
        let bound = NIOLoopBound((context, self), eventLoop: context.eventLoop)
        application.responder.current.respond(to: request)
            .flatMap { response in response.body.collect(on: request.eventLoop).map { (response, $0) } }
            .hop(to: context.eventLoop)
            .whenComplete { result in
                let (context, bridge) = bound.value
                switch result {
                case .success(let (response, body)):
                    bridge.write(response, body: body, for: head, keepAlive: keepAlive, context: context)
                case .failure(let error):
                    bridge.application.logger.error("response failed, closing the connection",
                                                    metadata: ["error": "\(LoggableText.bounded(String(describing: error)))"])
                    context.close(promise: nil)
                }
            }
    }

    private func write(_ response: Response, body: ByteBuffer?, for head: HTTPRequestHead, keepAlive: Bool,
                       context: ChannelHandlerContext) {
        var headers = response.headers
        headers.replaceOrAdd(name: .date, value: Date().rfc1123)
        if let serverName { headers.replaceOrAdd(name: .server, value: serverName) }
        headers.replaceOrAdd(name: .connection, value: keepAlive ? "keep-alive" : "close")
        let status = response.status
        let mayHaveBody = status.code >= 200 && status != .noContent && status != .notModified
        let body = body ?? ByteBuffer()
        if mayHaveBody {
            headers.remove(name: .transferEncoding)
            headers.replaceOrAdd(name: .contentLength, value: String(body.readableBytes))
        }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: response.version, status: status, headers: headers))), promise: nil)
        if mayHaveBody, head.method != .HEAD, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { bound.value.close(mode: .output, promise: nil) }
        }
    }
}

private enum BodyTooLargeKey: StorageKey {
    typealias Value = Bool
}

extension Request {
    /// The body was longer than any route takes, and was thrown away unread.
    var bodyTooLarge: Bool { storage[BodyTooLargeKey.self] ?? false }
}

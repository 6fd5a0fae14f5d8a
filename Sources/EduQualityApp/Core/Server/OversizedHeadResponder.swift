import NIOCore
import NIOHTTP1
import Vapor

/// Answers a request the HTTP decoder could not read, instead of closing the connection without a
/// word: a head over the decoder's limit (80 KiB) is 414 when its request line never ended (the
/// address is what is too long) and 431 otherwise; any other malformed request is 400. The answer
/// is problem JSON with the security headers and `Connection: close`. Like NIO's own `HTTPServerProtocolErrorHandler`, it answers only when no response
/// has begun.
final class OversizedHeadResponder: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    static let headerFieldsTooLarge = "The request's header fields are too large. Clear this site's cookies and try again."
    static let unreadable = "The request could not be read."

    private let progress: RequestHeadProgress
    private var responding = false
    private var answered = false

    init(progress: RequestHeadProgress) {
        self.progress = progress
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        guard !responding else {
            context.close(promise: nil)
            return
        }
        let abort: Abort
        switch parserError {
        case .headerOverflow where progress.refusedAfterRequestLine == false:
            abort = Abort(.uriTooLong, reason: RequestTargetLimits.tooLong)
        case .headerOverflow:
            abort = Abort(.requestHeaderFieldsTooLarge, reason: Self.headerFieldsTooLarge)
        default:
            abort = Abort(.badRequest, reason: Self.unreadable)
        }
        let response = ErrorMiddleware.problem(for: abort).response()
        var headers = response.headers
        SecurityHeadersMiddleware.secure(&headers, staticAsset: false)
        headers.replaceOrAdd(name: .connection, value: "close")
        let body = response.body.buffer ?? ByteBuffer()
        headers.replaceOrAdd(name: .contentLength, value: String(body.readableBytes))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        // Closing at once, with the rest of the request unread, would reset the connection and
        // could discard the answer before the client reads it: stop writing, keep reading (the
        // watch drops it) until the client closes, for a few seconds at most.
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200 || head.status.code == 101:
            responding = true
        case .head, .body:
            break
        case .end:
            responding = false
        }
        context.write(data, promise: promise)
    }
}

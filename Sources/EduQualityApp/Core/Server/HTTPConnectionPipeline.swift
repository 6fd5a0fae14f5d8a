import NIOCore
import NIOHTTP1
import Vapor

/// The handlers of one HTTP/1 connection, from the socket inwards:
/// `RequestLineWatch` (notes whether the head being read has finished its request line),
/// NIO's response encoder and request decoder, `RequestHeadObserver` (tells the watch where heads
/// begin), NIO's pipelining handler (one response at a time, in order), `OversizedHeadResponder`
/// (answers a head the decoder refused) and `VaporRequestBridge` (the app's responder).
enum HTTPConnectionPipeline {
    static func configure(_ channel: any Channel, application: Application,
                          configuration: HTTPServer.Configuration, maxBodyBytes: Int) throws {
        let head = RequestHeadProgress()
        try channel.pipeline.syncOperations.addHandlers([
            RequestLineWatch(progress: head),
            HTTPResponseEncoder(),
            ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)),
            RequestHeadObserver(progress: head),
            HTTPServerPipelineHandler(),
            OversizedHeadResponder(progress: head),
            VaporRequestBridge(application: application, serverName: configuration.serverName,
                               maxBodyBytes: maxBodyBytes),
        ])
    }
}

/// What the decoder has made of a connection's bytes so far, shared by the handler before it and
/// the one after it (both on the connection's event loop).
final class RequestHeadProgress {
    /// The decoder is between requests or inside a head, not in a body.
    var readingHead = true
    /// Requests whose end the decoder has passed.
    var ended = 0
    /// The body length of the request whose head was just read; nil when it is chunked.
    var bodyLength: Int? = 0
    /// Whether the head being read has ended its request line; nil when unknown (a head that
    /// began in the same read as a chunked body ended).
    var requestLineEnded: Bool? = false
    /// The decoder refused a request: the connection is being answered and closed, and what the
    /// client still sends is dropped.
    var refused = false
    /// `requestLineEnded` when the decoder refused the request (the answer may come later, after
    /// the answers to requests before it).
    var refusedAfterRequestLine: Bool?
}

/// Feeds the decoder a head one line at a time, and a body of known length exactly, so that
/// after each piece it knows whether the head being read has ended its request line: an
/// over-long head whose first line never ended is an over-long address (414), not over-long
/// header fields (431).
final class RequestLineWatch: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let progress: RequestHeadProgress
    private var bodyLeft: Int?

    init(progress: RequestHeadProgress) {
        self.progress = progress
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        while bytes.readableBytes > 0, !progress.refused {
            let endedBefore = progress.ended
            let exact: Bool
            if progress.readingHead {
                guard let newline = bytes.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
                    context.fireChannelRead(wrapInboundOut(bytes))
                    return
                }
                let line = bytes.readSlice(length: newline - bytes.readerIndex + 1)!
                context.fireChannelRead(wrapInboundOut(line))
                if progress.requestLineEnded == false { progress.requestLineEnded = true }
                if !progress.readingHead { bodyLeft = progress.bodyLength }
                exact = true
            } else if let left = bodyLeft {
                let piece = bytes.readSlice(length: min(left, bytes.readableBytes))!
                bodyLeft = left - piece.readableBytes
                context.fireChannelRead(wrapInboundOut(piece))
                exact = true
            } else {
                context.fireChannelRead(wrapInboundOut(bytes))
                bytes.moveReaderIndex(to: bytes.writerIndex)
                exact = false
            }
            if progress.ended != endedBefore {
                progress.requestLineEnded = exact ? false : nil
            }
        }
    }
}

/// Tells `RequestLineWatch` where each head ends and how long its body is, and notes how far the
/// head had got when the decoder refused it.
final class RequestHeadObserver: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let progress: RequestHeadProgress

    init(progress: RequestHeadProgress) {
        self.progress = progress
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            progress.readingHead = false
            let chunked = head.headers[canonicalForm: "transfer-encoding"].contains { $0.lowercased() == "chunked" }
            progress.bodyLength = chunked ? nil : head.headers.first(name: "content-length").flatMap { Int($0) } ?? 0
        case .body:
            break
        case .end:
            progress.readingHead = true
            progress.ended += 1
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError, !progress.refused {
            progress.refused = true
            progress.refusedAfterRequestLine = progress.requestLineEnded
        }
        context.fireErrorCaught(error)
    }
}

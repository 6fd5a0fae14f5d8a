import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix
import Vapor

/// The app's HTTP/1 server, in place of Vapor's. It reads the same settings
/// (`app.http.server.configuration`: address, backlog, reuse-address, no-delay, server name,
/// shutdown timeout), so `serve --hostname --port` works as before, but builds its own channel
/// pipeline (`HTTPConnectionPipeline`): Vapor's has no place to answer a request head too large to
/// parse, and closes the connection without a word. TLS, HTTP/2, compression and idle timeouts
/// belong to the proxy in front: asked for TLS, HTTP/2 or an idle timeout, the server refuses to
/// start rather than serve without them; compression settings are not read.
final class EduQualityHTTPServer: Server, Sendable {
    private struct Listening: Sendable {
        let channel: any Channel
        let quiesce: ServerQuiescingHelper
    }

    private let application: Application
    private let listening = NIOLockedValueBox<Listening?>(nil)

    init(application: Application) {
        self.application = application
    }

    var onShutdown: EventLoopFuture<Void> {
        guard let listening = listening.withLockedValue({ $0 }) else { fatalError("Server has not started yet") }
        return listening.channel.closeFuture
    }

    /// Where the server listens (the real port when asked for port 0).
    var localAddress: SocketAddress? { listening.withLockedValue { $0 }?.channel.localAddress }

    @available(*, noasync, message: "Use the async start(address:) instead.")
    func start(address: BindAddress?) throws {
        try bind(address).wait()
    }

    func start(address: BindAddress?) async throws {
        try await bind(address).get()
    }

    @available(*, noasync, message: "Use the async shutdown() instead.")
    func shutdown() {
        try? close()?.wait()
    }

    func shutdown() async {
        try? await close()?.get()
    }

    private func bind(_ address: BindAddress?) -> EventLoopFuture<Void> {
        let eventLoop = application.eventLoopGroup.any()
        var configuration = application.http.server.configuration
        switch address {
        case .none: break
        case .hostname(let hostname, let port):
            configuration.address = .hostname(hostname ?? configuration.hostname, port: port ?? configuration.port)
        case .unixDomainSocket(let path):
            configuration.address = .unixDomainSocket(path: path)
        }
        guard configuration.tlsConfiguration == nil, configuration.supportVersions == [.one],
              configuration.idleTimeout == nil else {
            return eventLoop.makeFailedFuture(Abort(.internalServerError,
                reason: "This server speaks plain HTTP/1 only: terminate TLS and HTTP/2 at the proxy in front."))
        }
        let quiesce = ServerQuiescingHelper(group: application.eventLoopGroup)
        let settings = configuration
        let maxBodyBytes = application.routes.largestBodyLimit
        let bootstrap = ServerBootstrap(group: application.eventLoopGroup)
            .serverChannelOption(ChannelOptions.backlog, value: Int32(settings.backlog))
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: settings.reuseAddress ? 1 : 0)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiesce.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelInitializer { [application] channel in
                channel.eventLoop.makeCompletedFuture {
                    try HTTPConnectionPipeline.configure(channel, application: application, configuration: settings,
                                                         maxBodyBytes: maxBodyBytes)
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: settings.tcpNoDelay ? 1 : 0)
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: settings.reuseAddress ? 1 : 0)
            .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 1)
        let bound: EventLoopFuture<any Channel>
        switch settings.address {
        case .hostname: bound = bootstrap.bind(host: settings.hostname, port: settings.port)
        case .unixDomainSocket(let path): bound = bootstrap.bind(unixDomainSocketPath: path)
        }
        return bound.flatMapErrorThrowing { error -> any Channel in
            quiesce.initiateShutdown(promise: nil)
            throw error
        }.map { [application, listening] channel in
            listening.withLockedValue {
                precondition($0 == nil, "The server is already running")
                $0 = Listening(channel: channel, quiesce: quiesce)
            }
            var actual = settings
            if let local = channel.localAddress, let port = local.port {
                actual.address = .hostname(settings.hostname, port: port)
            }
            settings.logger.notice("Server started on http://\(actual.hostname):\(actual.port)")
            // As Vapor's server does: the configuration names the port really served on (port 0).
            application.http.server.configuration = actual
        }
    }

    /// Stops accepting, lets requests in flight finish (up to the shutdown timeout), then closes.
    private func close() -> EventLoopFuture<Void>? {
        guard let listening = listening.withLockedValue({ value in defer { value = nil }; return value }) else { return nil }
        let eventLoop = listening.channel.eventLoop
        let done = eventLoop.makePromise(of: Void.self)
        let timeout = application.http.server.configuration.shutdownTimeout
        eventLoop.scheduleTask(in: timeout) {
            done.fail(Abort(.internalServerError, reason: "Server stop took too long."))
        }
        listening.quiesce.initiateShutdown(promise: done)
        return done.futureResult
    }
}

extension Application.Servers.Provider {
    /// `app.servers.use(.eduQuality)`: the app's own HTTP/1 server (`EduQualityHTTPServer`).
    static var eduQuality: Self {
        .init { $0.servers.use { $0.eduQualityServer } }
    }
}

extension Application {
    /// One server per application, as Vapor's is: `app.server` is asked for it on start and on stop.
    var eduQualityServer: EduQualityHTTPServer {
        if let existing = storage[EduQualityHTTPServerKey.self] { return existing }
        let server = EduQualityHTTPServer(application: self)
        storage[EduQualityHTTPServerKey.self] = server
        return server
    }
}

private enum EduQualityHTTPServerKey: StorageKey {
    typealias Value = EduQualityHTTPServer
}

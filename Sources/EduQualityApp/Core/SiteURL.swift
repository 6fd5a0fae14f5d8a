import Vapor

extension Application {
    /// The address the service is reached at, for links that leave it (notices by email):
    /// `PUBLIC_URL` without its trailing slash, or else this server on the loopback address and
    /// the port it listens on (`serve --port`), as the demo is reached.
    var siteURL: String {
        if let configured = config.publicURL { return configured }
        // The server writes the port it bound (`serve --port`, or 0 made real) back here on start.
        return "http://127.0.0.1:\(http.server.configuration.port)"
    }

    /// An absolute link to a page of the service, from its path.
    func link(_ path: String) -> String { siteURL + path }
}

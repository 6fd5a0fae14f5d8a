/// A short, coarse name for a browser ("Firefox on Windows") for the list of sessions, so a
/// person can tell theirs apart. The whole header is never stored: it is detailed enough to help
/// single someone out.
enum UserAgentSummary {
    static func of(_ header: String?) -> String {
        guard let ua = header, !ua.isEmpty else { return "Unknown browser" }
        // Order matters: Edge and Opera say Chrome too, and Chrome says Safari.
        let browsers: [(String, String)] = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
                                            ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
                                            ("curl/", "curl"), ("python", "Python")]
        let systems: [(String, String)] = [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"),
                                           ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"),
                                           ("Linux", "Linux")]
        let browser = browsers.first { ua.contains($0.0) }?.1 ?? "Other browser"
        guard let system = systems.first(where: { ua.contains($0.0) })?.1 else { return browser }
        return "\(browser) on \(system)"
    }
}

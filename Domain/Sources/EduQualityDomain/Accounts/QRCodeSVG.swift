extension QRCode {
    /// One <svg> with viewBox, role="img", aria-labelledby, a <title> (escaped), a white background and ONE <path>
    /// of dark modules, a 4-module quiet zone; no script, no style attribute (CSP has no unsafe-inline; use fill attributes).
    ///
    /// Each horizontal run of dark modules is one closed rectangle in the path, in module units
    /// (the viewBox scales them), so the markup stays small and the symbol sharp at any zoom.
    /// The title's id is fixed, so a page shows one code at a time.
    public func svg(title: String, moduleSize: Int = 4) -> String {
        let quietZone = 4
        let side = size + 2 * quietZone
        let pixels = side * max(moduleSize, 1)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size && isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" \
        role="img" aria-labelledby="qr-code-title" shape-rendering="crispEdges">\
        <title id="qr-code-title">\(XMLText.escaped(title))</title>\
        <rect width="\(side)" height="\(side)" fill="#ffffff"/>\
        <path fill="#000000" d="\(path)"/>\
        </svg>
        """
    }
}

import Foundation
import Testing
@testable import EduQualityDomain

@Suite("QR code as SVG")
struct QRCodeSVGTests {
    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("one svg with one path, labelled by an escaped title, no style or script")
    func markup() throws {
        let code = try QRCode(text: "otpauth://totp/EduQuality:lead%40nhs.test?secret=JBSWY3DPEHPK3PXP")
        let svg = code.svg(title: "Scan <this> & \"enrol\" 'now'")
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        #expect(Self.occurrences(of: "<svg", in: svg) == 1)
        #expect(Self.occurrences(of: "<path", in: svg) == 1)
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<style"))
        #expect(!svg.lowercased().contains("script"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"qr-code-title\""))
        #expect(svg.contains("<title id=\"qr-code-title\">Scan &lt;this&gt; &amp; &quot;enrol&quot; &#39;now&#39;</title>"))
        #expect(!svg.contains("<this>"))
        #expect(svg.contains("fill=\"#ffffff\""))
        #expect(svg.contains("fill=\"#000000\""))
    }

    @Test("the viewBox holds the symbol and a four-module quiet zone, scaled by the module size")
    func dimensions() throws {
        let code = try QRCode(text: "HELLO WORLD")
        let svg = code.svg(title: "Code", moduleSize: 5)
        #expect(svg.contains("viewBox=\"0 0 29 29\""))
        #expect(svg.contains("width=\"145\" height=\"145\""))
        #expect(code.svg(title: "Code").contains("width=\"116\""))
    }

    @Test("the path draws exactly the dark modules, offset by the quiet zone")
    func pathMatchesModules() throws {
        let code = try QRCode(text: "HELLO WORLD")
        let svg = code.svg(title: "Code")
        let d = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var drawn = Set<Int>()
        for rectangle in d.split(separator: "z") {
            // Each is "M<x> <y>h<w>v1h-<w>".
            let parts = rectangle.dropFirst().split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" })
            let x = Int(parts[0])! - 4, y = Int(parts[1])! - 4, width = Int(parts[2])!
            for column in x..<(x + width) { drawn.insert(y * code.size + column) }
        }
        var dark = Set<Int>()
        for y in 0..<code.size { for x in 0..<code.size where code.isDark(x: x, y: y) { dark.insert(y * code.size + x) } }
        #expect(drawn == dark)
    }
}

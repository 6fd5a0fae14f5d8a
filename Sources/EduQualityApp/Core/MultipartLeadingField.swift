import Vapor

/// Reads one small field from the first part of a multipart form body, without parsing the rest
/// (an upload can be hundreds of megabytes). The service's upload forms put their CSRF token
/// there, as the first hidden field, and browsers send parts in the form's order.
enum MultipartLeadingField {
    static let maxValueBytes = 256

    static func value(named name: String, in body: ByteBuffer, boundary: String) -> String? {
        let bytes = body.readableBytesView
        let opening = Array("--\(boundary)\r\n".utf8)
        guard !boundary.isEmpty, bytes.starts(with: opening) else { return nil }
        // The part's headers and value are small: look no further than the first few kilobytes.
        let head = Array(bytes.prefix(opening.count + 4_096))
        guard let headersEnd = find(Array("\r\n\r\n".utf8), in: head, from: opening.count) else { return nil }
        let headers = String(decoding: head[opening.count..<headersEnd], as: UTF8.self).lowercased()
        guard headers.split(separator: "\r\n").contains(where: { line in
            line.hasPrefix("content-disposition:") && line.contains("name=\"\(name.lowercased())\"") && !line.contains("filename=")
        }) else { return nil }
        let valueStart = headersEnd + 4
        guard let valueEnd = find(Array("\r\n--\(boundary)".utf8), in: head, from: valueStart),
              valueEnd - valueStart <= maxValueBytes else { return nil }
        return String(decoding: head[valueStart..<valueEnd], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i }
        }
        return nil
    }
}

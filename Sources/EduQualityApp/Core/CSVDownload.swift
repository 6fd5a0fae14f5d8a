import Vapor

extension Response {
    /// A CSV file to download: UTF-8, as an attachment named `filename`, never cached.
    static func csvAttachment(_ body: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

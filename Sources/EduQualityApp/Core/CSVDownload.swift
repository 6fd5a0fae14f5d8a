import Vapor

extension Response {
    /// A CSV file to download: UTF-8, as an attachment named `filename`, never cached.
    static func csvAttachment(_ body: String, filename: String) -> Response {
        attachment(body, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), filename: filename)
    }

    /// A file to download (CSV, a JSON export): as an attachment named `filename`, never cached.
    static func attachment(_ body: String, type: HTTPMediaType, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = type
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

import Vapor

/// RFC 9457 problem details, the body of every API error.
struct Problem: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?

    func response() -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        response.body = .init(data: (try? encoder.encode(self)) ?? Data())
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return response
    }
}

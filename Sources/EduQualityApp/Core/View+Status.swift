import Vapor

extension View {
    /// A rendered page with a status other than 200 (a form shown again with its errors is a 400).
    func response(_ status: HTTPStatus) -> Response {
        let response = Response(status: status, body: .init(buffer: data))
        response.headers.contentType = .html
        return response
    }
}

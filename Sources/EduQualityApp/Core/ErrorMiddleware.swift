import EduQualityDomain
import Vapor

/// Turns every error into a 4xx/5xx answer: problem JSON for the API, an HTML page for people.
/// Bad input must never become a 500: decoding errors, Vapor's own aborts and AppError all map to
/// their 4xx. Anything else is a defect and is logged as critical without request details.
struct ErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status >= 500 {
                // Errors can carry request input (a path, a value): bounded, never whole.
                request.logger.critical("unhandled error", metadata: ["error": "\(LoggableText.bounded(String(reflecting: error), limit: 300))"])
            }
            let response: Response
            if Self.wantsJSON(request) {
                response = problem.response()
            } else {
                response = await Self.page(for: problem, request: request)
            }
            if case AppError.tooManyRequests(let seconds) = error {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            }
            return response
        }
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/")
            || (request.headers.accept.first?.mediaType == .json)
    }

    static func problem(for error: any Error) -> Problem {
        switch error {
        case let app as AppError:
            var errors: [FieldError]? = nil
            if case .invalid(let list) = app { errors = list }
            return Problem(title: app.title, status: Int(app.status.code), detail: app.detail, errors: errors)
        case let report as ReportQueryError:
            return problem(for: ReportErrors.appError(report))
        case let invalid as InvalidForm:
            return problem(for: AppError.invalid(invalid.fieldErrors))
        case let decoding as DecodingError:
            return Problem(title: "The request body could not be read", status: 400,
                           detail: Self.describe(decoding))
        case let abort as any AbortError:
            let status = abort.status
            let title = status == .notFound ? "Page not found" : status.reasonPhrase
            return Problem(title: title, status: Int(status.code),
                           detail: status.code < 500 ? abort.reason : "Something went wrong on our side.")
        default:
            return Problem(title: "Something went wrong on our side", status: 500,
                           detail: "The problem has been logged. Please try again later.")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "body" : p
        }
        switch error {
        case .keyNotFound(let key, let c):
            let parent = path(c)
            return "\(parent == "body" ? "" : parent + ".")\(key.stringValue): is required"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "\(path(c)): has the wrong type or is missing"
        case .dataCorrupted(let c):
            return "\(path(c)): \(c.debugDescription)"
        @unknown default:
            return "The body is not valid."
        }
    }

    private static func page(for problem: Problem, request: Request) async -> Response {
        let context = ErrorPage(layout: request.layout(title: problem.title),
                                status: problem.status, heading: problem.title, detail: problem.detail,
                                signInHref: problem.status == 401 ? signInHref(for: request) : nil)
        let status = HTTPResponseStatus(statusCode: problem.status)
        do {
            let response = try await request.view.render("error", context).encodeResponse(for: request).get()
            response.status = status
            return response
        } catch {
            let body = "<!DOCTYPE html><html lang=\"en\"><title>\(problem.title.htmlEscaped())</title><h1>\(problem.title.htmlEscaped())</h1><p>\(problem.detail.htmlEscaped())</p></html>"
            let response = Response(status: status, body: .init(string: body))
            response.headers.contentType = .html
            return response
        }
    }

    /// The sign-in page, coming back to the page that asked for it: a page that was being read
    /// (GET), never a form's target, which cannot be opened again as a link.
    static func signInHref(for request: Request) -> String {
        guard request.method == .GET || request.method == .HEAD else { return "/login" }
        var target = request.url.path
        if let query = request.url.query, !query.isEmpty { target += "?" + query }
        guard SessionController.safeNext(target) != nil else { return "/login" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}

struct ErrorPage: Encodable {
    let layout: Layout
    let status: Int
    let heading: String
    let detail: String
    /// For a 401: where "Sign in" goes.
    let signInHref: String?
}

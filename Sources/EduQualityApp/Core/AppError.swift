import Vapor

/// The one error type the web layer throws on purpose. Each case maps to a 4xx status; the error
/// middleware renders it as an HTML page for people and as RFC 9457 problem JSON for the API.
public enum AppError: Error, Sendable {
    case badRequest(String)
    case invalid([FieldError])
    case notFound(String)
    case forbidden
    case unauthorised
    case conflict(String)
    case tooManyRequests(retryAfterSeconds: Int)

    public var status: HTTPResponseStatus {
        switch self {
        case .badRequest, .invalid: .badRequest
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthorised: .unauthorized
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        }
    }

    public var title: String {
        switch self {
        case .badRequest: "Bad request"
        case .invalid: "There is a problem with what was sent"
        case .notFound: "Page not found"
        case .forbidden: "You do not have permission to do this"
        case .unauthorised: "Please sign in"
        case .conflict: "This conflicts with what is already recorded"
        case .tooManyRequests: "Too many attempts"
        }
    }

    public var detail: String {
        switch self {
        case .badRequest(let m), .notFound(let m), .conflict(let m): m
        case .invalid(let errors): errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case .forbidden: "Your role does not allow this action here."
        case .unauthorised: "Sign in to continue."
        case .tooManyRequests(let s): "Too many attempts. Try again in \(Self.spokenWait(seconds: s))."
        }
    }
}

extension AppError {
    /// A wait as people say it: seconds under a minute, otherwise whole minutes rounded up
    /// ("15 minutes", never "900 seconds"). The Retry-After header keeps the exact seconds.
    static func spokenWait(seconds: Int) -> String {
        if seconds < 60 { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
        let minutes = (seconds + 59) / 60
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}

/// A message about one field of a form or JSON body.
public struct FieldError: Sendable, Codable, Equatable {
    public let field: String
    public let message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

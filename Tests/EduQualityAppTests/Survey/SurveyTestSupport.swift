import EduQualityDomain
import Fluent
import Foundation
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Rounds for survey tests, on the shipped questionnaire `core-2026`, dated around today.
enum SurveyTestRounds {
    static let questionnaire = "core-2026"

    @discardableResult
    static func create(_ app: Application, code: String, opensIn: Int, closesIn: Int) async throws -> SurveyRound {
        let today = CalendarDay.today()
        return try await SurveyAdministration(db: app.db, cache: app.storage[QuestionnaireCacheKey.self]!, actor: "test")
            .createRound(.init(code: code, opens: today.adding(days: opensIn).iso, closes: today.adding(days: closesIn).iso,
                               questionnaire: questionnaire))
    }

    @discardableResult
    static func open(_ app: Application, code: String = "NETS-OPEN") async throws -> SurveyRound {
        try await create(app, code: code, opensIn: -10, closesIn: 30)
    }

    @discardableResult
    static func closed(_ app: Application, code: String = "NETS-PAST") async throws -> SurveyRound {
        try await create(app, code: code, opensIn: -100, closesIn: -10)
    }

    @discardableResult
    static func upcoming(_ app: Application, code: String = "NETS-NEXT") async throws -> SurveyRound {
        try await create(app, code: code, opensIn: 10, closesIn: 40)
    }

    /// Closes a round as of yesterday, as if its closing day had passed, and waits until the
    /// survey pages, which keep a round in memory briefly, see it.
    static func close(_ app: Application, code: String) async throws {
        let record = try await SurveyRoundRecord.query(on: app.db).filter(\.$code == code).first()!
        let today = CalendarDay.today()
        record.opensOn = today.adding(days: -40).iso
        record.closesOn = today.adding(days: -1).iso
        try await record.update(on: app.db)
        try await Task.sleep(for: SurveyReferenceCache.standardRoundLifetime + .milliseconds(100))
    }
}

/// A learner's browser for the survey: keeps cookies (only the form token's), sends the form
/// token, and reads the resume code each page carries in its hidden field. Works on the
/// in-memory tester or on a running server.
final class SurveyBrowser: @unchecked Sendable {
    let tester: any TestingApplicationTester
    let extraHeaders: HTTPHeaders
    private(set) var cookies: [String: String] = [:]
    private(set) var setCookieNames: [String] = []
    private(set) var body = ""
    private(set) var status: HTTPResponseStatus = .ok
    private(set) var csrf: String?

    init(_ app: Application, headers: HTTPHeaders = [:]) {
        tester = try! app.testing()
        extraHeaders = headers
    }

    init(tester: any TestingApplicationTester, headers: HTTPHeaders = [:]) {
        self.tester = tester
        extraHeaders = headers
    }

    /// The signed draft token in the last page's forms, if any.
    var draft: String? { Self.hidden("draft", in: body) }
    /// The resume code inside that token, if any.
    var resume: String? { draft.flatMap { $0.split(separator: "|").dropFirst().first.map(String.init) } }
    /// The number of the page the last page's main form posts.
    var page: String? {
        Self.hiddenFields(inFormPostingTo: "/questions", in: body).first { $0.0 == "page" }?.1
    }

    @discardableResult
    func get(_ path: String) async throws -> HTTPResponseStatus {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form with the page's form token and, unless `carryDraft` is false or the form has
    /// its own, the page's draft token.
    @discardableResult
    func post(_ path: String, _ form: [(String, String)], carryDraft: Bool = true) async throws -> HTTPResponseStatus {
        if csrf == nil { try await get("/survey/resume") }
        var fields = form
        fields.append(("_csrf", csrf ?? ""))
        if carryDraft, let draft, !form.contains(where: { $0.0 == "draft" }) { fields.append(("draft", draft)) }
        let encoded = fields.map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: encoded), form: true)
    }

    /// Posts the page shown now, with its page number and resume code.
    @discardableResult
    func continuePage(_ round: String, _ answers: [(String, String)], action: String = "continue") async throws -> HTTPResponseStatus {
        try await post("/survey/\(round)/questions", answers + [("page", page ?? "1"), ("action", action)])
    }

    /// Sends what the check page holds, as its form does.
    @discardableResult
    func sendCheckPage(_ round: String) async throws -> HTTPResponseStatus {
        let fields = Self.hiddenFields(inFormPostingTo: "/survey/\(round)/submit", in: body)
        return try await post("/survey/\(round)/submit", fields.filter { $0.0 != "_csrf" && $0.0 != "draft" })
    }

    private func send(_ method: HTTPMethod, _ path: String, body payload: ByteBuffer?, form: Bool = false) async throws -> HTTPResponseStatus {
        var headers = extraHeaders
        if form { headers.contentType = .urlEncodedForm }
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        let response = try await tester.sendRequest(method, path, headers: headers, body: payload)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            setCookieNames.append(parts[0])
            cookies[parts[0]] = parts[1]
        }
        status = response.status
        body = response.body.string
        if let r = body.range(of: "name=\"_csrf\" value=\"") { csrf = String(body[r.upperBound...].prefix { $0 != "\"" }) }
        return response.status
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "type=\"hidden\" name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    /// The hidden inputs of the first form whose action ends with `action`, decoded.
    static func hiddenFields(inFormPostingTo action: String, in html: String) -> [(String, String)] {
        guard let start = html.range(of: "\(action)\""),
              let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return [] }
        let form = html[start.upperBound..<end.lowerBound]
        var result: [(String, String)] = []
        var rest = form[...]
        while let r = rest.range(of: "type=\"hidden\" name=\"") {
            let name = String(rest[r.upperBound...].prefix { $0 != "\"" })
            guard let v = rest.range(of: "value=\"", range: r.upperBound..<rest.endIndex) else { break }
            let value = String(rest[v.upperBound...].prefix { $0 != "\"" })
            result.append((name, unescape(value)))
            rest = rest[v.upperBound...]
        }
        return result
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Answers for the shipped questionnaire.
enum SurveyAnswersFixture {
    static func placement(profession: String = "student-nurse", organisation: String = "T001",
                          site: String = "T001-01") -> [(String, String)] {
        [("profession", profession), ("organisation", organisation), ("site", site),
         ("placement-type", "hospital-inpatient"), ("specialty", "acute-medicine"), ("training-level", "year-2")]
    }

    /// One complete survey as a single form (placement, a few answers per theme, comments).
    static func wholeSurvey(profession: String = "student-nurse", comment: String = "A supportive ward team.") -> [(String, String)] {
        placement(profession: profession) + [
            ("IND1", "4"), ("IND2", "5"), ("SUP1", "4"), ("SUP2", "NA"), ("FAC1", "3"), ("LRN1", "4"),
            ("TEAM1", "5"), ("OVR1", "4"), ("OVR2", "5"), ("EDS1", "1"), ("SPK1", "4"),
            ("WORKED-WELL", comment), ("COULD-IMPROVE", ""), ("PATIENT-SAFETY", ""),
        ]
    }
}

import EduQualityDomain
import Vapor

/// What every page's frame needs: title, navigation for this visitor, the form token, messages.
struct Layout: Encodable {
    struct Link: Encodable {
        let label: String
        let href: String
        let current: Bool
    }

    let title: String
    let csrf: String
    let userName: String?
    let nav: [Link]
    let flash: String?
}

/// Which menu section a page belongs to: the section whose path is the longest prefix of the
/// page's, counting the pages a section owns beyond its own path (a handler's case pages belong
/// to "Concerns to handle", not to "Raise a concern", though both start with `/concerns`).
enum MenuSection {
    static let alsoOwns: [String: [String]] = [
        "/concerns/queue": ["/concerns/cases", "/concerns/statistics"],
        "/speak-up/cases": ["/speak-up/returns", "/speak-up/guardians/manage"],
        "/quality/reviews": ["/quality/requirements"],
    ]

    /// The href of the current section among `hrefs`, if any.
    static func current(path: String, among hrefs: [String]) -> String? {
        func matches(_ prefix: String) -> Bool {
            prefix == "/" ? path == "/" : path == prefix || path.hasPrefix(prefix + "/")
        }
        let candidates = hrefs.flatMap { href in ([href] + (alsoOwns[href] ?? [])).filter(matches).map { (href, $0.count) } }
        return candidates.max { $0.1 < $1.1 }?.0
    }
}

extension Request {
    func layout(title: String, flash: String? = nil) -> Layout {
        let may = holdsPermission
        var links = [("Home", "/"), ("Take the survey", "/survey"), ("Survey results", "/reports"),
                     ("Raise a concern", "/concerns"), ("Speak up", "/speak-up"), ("Review reports", "/reviews")]
        if may(.recordSpeakUpCase) { links.append(("Speak-up cases", "/speak-up/cases")) }
        if may(.viewConcern) { links.append(("Concerns to handle", "/concerns/queue")) }
        if may(.triageComments) { links.append(("Comment triage", "/triage")) }
        if may(.viewSharedComments) { links.append(("Shared comments", "/comments/shared")) }
        if may(.viewGMCSurvey) { links.append(("GMC survey results", "/quality/gmc-survey")) }
        if may(.viewQualityRegister) { links.append(("Quality register", "/register")) }
        if may(.viewQualityRegister) { links.append(("Intensive support", "/isf")) }
        if may(.viewReviews) || may(.respondToReview) { links.append(("Reviews", "/quality/reviews")) }
        if may(.viewEmergingConcerns) { links.append(("Emerging concerns", "/quality/emerging-concerns")) }
        if may(.viewImpactAssessments) { links.append(("Impact assessments", "/quality/impact-assessments")) }
        if may(.viewEarlyWarning) { links.append(("Early warning", "/quality/early-warning")) }
        if may(.viewSelfAssessments) { links.append(("Self-assessment", "/quality/self-assessment")) }
        if Authorization.isAllowed(actor, .manageUsers, .service) { links.append(("Administration", "/admin")) }
        else if Authorization.isAllowed(actor, .manageSurveyRounds, .service) { links.append(("Survey administration", "/admin/survey")) }
        links.append(signedIn == nil ? ("Sign in", "/login") : ("Your account", "/account"))
        let current = MenuSection.current(path: url.path, among: links.map(\.1))
        let nav = links.map { Layout.Link(label: $0.0, href: $0.1, current: $0.1 == current) }
        return Layout(title: title, csrf: csrfToken, userName: signedIn?.user.displayName, nav: nav, flash: flash)
    }
}

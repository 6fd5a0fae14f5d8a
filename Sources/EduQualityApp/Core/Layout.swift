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

extension Request {
    func layout(title: String, flash: String? = nil) -> Layout {
        let path = url.path
        func link(_ label: String, _ href: String) -> Layout.Link {
            let current = href == "/" ? path == "/" : path == href || path.hasPrefix(href + "/")
                && !(href == "/concerns" && path.hasPrefix("/concerns/queue")) && !(href == "/speak-up" && path.hasPrefix("/speak-up/cases"))
            return .init(label: label, href: href, current: current)
        }
        let may = holdsPermission
        var nav = [link("Home", "/"), link("Take the survey", "/survey"), link("Survey results", "/reports"),
                   link("Raise a concern", "/concerns"), link("Speak up", "/speak-up")]
        if may(.recordSpeakUpCase) { nav.append(link("Speak-up cases", "/speak-up/cases")) }
        if may(.viewConcern) { nav.append(link("Concerns to handle", "/concerns/queue")) }
        if may(.triageComments) { nav.append(link("Comment triage", "/triage")) }
        if may(.viewSharedComments) { nav.append(link("Shared comments", "/comments/shared")) }
        if may(.viewGMCSurvey) { nav.append(link("GMC survey results", "/quality/gmc-survey")) }
        if may(.viewQualityRegister) { nav.append(link("Quality register", "/register")) }
        if may(.viewQualityRegister) { nav.append(link("Intensive support", "/isf")) }
        if Authorization.isAllowed(actor, .manageUsers, .service) { nav.append(link("Administration", "/admin")) }
        else if Authorization.isAllowed(actor, .manageSurveyRounds, .service) { nav.append(link("Survey administration", "/admin/survey")) }
        nav.append(signedIn == nil ? link("Sign in", "/login") : link("Your account", "/account"))
        return Layout(title: title, csrf: csrfToken, userName: signedIn?.user.displayName, nav: nav, flash: flash)
    }
}

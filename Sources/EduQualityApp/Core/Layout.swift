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
            let current = href == "/" ? path == "/" : path.hasPrefix(href)
            return .init(label: label, href: href, current: current)
        }
        var nav = [link("Home", "/")]
        if Authorization.isAllowed(actor, .manageUsers, .service) { nav.append(link("Administration", "/admin")) }
        nav.append(signedIn == nil ? link("Sign in", "/login") : link("Your account", "/account"))
        return Layout(title: title, csrf: csrfToken, userName: signedIn?.user.displayName, nav: nav, flash: flash)
    }
}

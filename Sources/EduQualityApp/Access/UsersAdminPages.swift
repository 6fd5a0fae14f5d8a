import EduQualityDomain
import Vapor

/// The users pages' models and forms.
extension UsersAdminController {
    struct Row: Encodable { let id, email, name, roles: String; let active: Bool }
    struct ListPage: Encodable {
        let layout: Layout
        let q: String
        let roles: [SelectOption]
        let page: Page<Row>
    }
    struct GrantRow: Encodable { let id, role, scope: String }
    struct UserPage: Encodable {
        let layout: Layout
        let id, email, name: String
        let active: Bool
        let slowed: Bool
        let twoStepOn: Bool
        let grants: [GrantRow]
        let temporaryPassword: String?
        let temporaryUntil: String?
        let errors: FormErrors
        let fields: [FormField]
    }
    struct NewUserPage: Encodable {
        let layout: Layout
        let action: String
        let code: String
        let errors: FormErrors
        let fields: [FormField]
    }
    struct RoleForm: Content {
        var role: String?
        var region: String?
        var organisation: String?
        var site: String?
    }
    struct NewUserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var region: String?
        var organisation: String?
        var site: String?
        var roleForm: RoleForm { RoleForm(role: role, region: region, organisation: organisation, site: site) }
    }
}

import Vapor

func routes(_ app: Application) throws {
    try app.register(collection: HomeController())
    try app.register(collection: SessionController())
    try app.register(collection: AccountController())
    try app.register(collection: ReferenceDataAPIController())
    try app.register(collection: AdminController())
    try app.register(collection: OrganisationsAdminController())
    try app.register(collection: SitesAdminController())
    try app.register(collection: UsersAdminController())
    try app.register(collection: VocabulariesAdminController())
    try app.register(collection: AuditAdminController())
    try app.register(collection: OutboxController())
    try app.register(collection: RaiseConcernController())
    try app.register(collection: MyConcernsController())
    try app.register(collection: ConcernCasesController())
    try app.register(collection: ConcernsAPIController())
    try app.register(collection: ConcernStatisticsController())
    try app.register(collection: SurveyAPIController())
    try app.register(collection: ReportsAPIController())
    try app.register(collection: ReportPagesController())
    try app.register(collection: CommentTriageController())
}

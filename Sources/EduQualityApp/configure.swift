import EduQualityDomain
import Fluent
import Leaf
import Vapor

/// The single place the application is assembled, for the server, the commands and the tests.
public func configure(_ app: Application, _ config: AppConfig, databaseSearchPath: [String]? = nil) async throws {
    app.storage[AppConfigKey.self] = config
    // Below info, Vapor logs request heads (user agents) and Fluent logs every query with its
    // values (what anonymous reporters wrote): the service never logs below info.
    if app.logger.logLevel < .info { app.logger.logLevel = .info }
    app.receiptAttempts = .receiptCodes()
    app.resumeAttempts = .resumeCodes()
    app.storage[QuestionnaireCacheKey.self] = QuestionnaireCache()
    app.storage[ImportJobsKey.self] = ImportJobs()
    app.storage[ServiceMetricsKey.self] = ServiceMetrics()
    app.storage[InstanceIDKey.self] = InstanceID.make()
    if let data = FileManager.default.contents(atPath: config.seedDirectory + "/reference/comment-keywords.json") {
        app.storage[CommentKeywordsKey.self] = try JSONDecoder().decode(CommentKeywords.self, from: data)
    }
    try app.loadQualitySettings(seedDirectory: config.seedDirectory)
    try app.loadSignatories(seedDirectory: config.seedDirectory)
    try app.loadPasswordPolicy(seedDirectory: config.seedDirectory)
    try app.loadSignalRule(seedDirectory: config.seedDirectory)
    try app.loadRetentionDefaults(seedDirectory: config.seedDirectory)
    try DatabaseSetup.configure(app, config.database, searchPath: databaseSearchPath)
    for migration in AppMigrations.all { app.migrations.add(migration) }

    app.views.use(.leaf)
    app.leaf.tags["longDate"] = LongDateTag()
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "eq_session") { id in
        // Lax, not Strict: a link to a case from an email must arrive signed in. Forms are
        // protected by their token (`CSRFMiddleware`) whatever the cookie's SameSite.
        HTTPCookies.Value(string: id.string, maxAge: config.sessionTimeouts.absoluteSeconds, path: "/",
                          isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = "1mb"
    StorableText.install()
    app.http.server.configuration.hostname = "127.0.0.1"
    app.http.server.configuration.port = 8080
    app.servers.use(.eduQuality)

    // Order matters: errors wrap everything, so even a failing middleware answers with a page.
    app.middleware = Middlewares()
    app.middleware.use(RequestLoggingMiddleware())
    app.middleware.use(HTTPMetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(strictTransportSecurity: config.strictTransportSecurity))
    app.middleware.use(ErrorMiddleware())
    app.middleware.use(RequestTargetLimits())
    app.middleware.use(UploadLimitMiddleware())
    app.middleware.use(PublicFilesMiddleware(files: FileMiddleware(publicDirectory: app.directory.publicDirectory)))
    app.middleware.use(CSRFMiddleware(secret: config.formSecret, secureCookies: config.secureCookies))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(CurrentActorMiddleware())

    registerCommands(app)
    try routes(app)
}

enum AppConfigKey: StorageKey { typealias Value = AppConfig }

extension Application {
    var config: AppConfig { storage[AppConfigKey.self]! }

    /// Runs pending migrations and loads reference data on an empty database.
    func prepareDatabase() async throws {
        try await DatabaseSetup.tune(db)
        try await autoMigrate()
        try await ReferenceDataSeeder(directory: config.seedDirectory).seedIfEmpty(on: db)
        try await ISFCategorySeeder.seedIfEmpty(on: db, directory: config.seedDirectory)
        try await ImpactAssessmentFormStore.seedIfEmpty(on: db, directory: config.seedDirectory)
    }
}

extension Request {
    var config: AppConfig { application.config }
}

import Vapor

extension Application {
    /// Before any command runs: the schema is brought up to date, and with `--demo` the demo data
    /// is seeded and its accounts printed. A server also loads the reporting engine and starts
    /// its background jobs.
    public func start(demo: Bool, serving: Bool) async throws {
        try await prepareDatabase()
        if demo {
            let password = try await DemoSeeder(app: self).seed()
            print(DemoSeeder.banner(password: password))
        }
        if serving { try await startServices() }
    }

    /// The reporting engine and the background jobs (also used by tests that need reports).
    func startServices() async throws {
        storage[ReportEngineKey.self] = try await ReportEngine.build(db: db, catalog: surveyCatalog, logger: logger)
        let jobs = BackgroundJobs()
        jobs.start(self)
        lifecycle.use(jobs)
        storage[BackgroundJobsKey.self] = jobs
    }
}

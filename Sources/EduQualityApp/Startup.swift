import Vapor

extension Application {
    /// Before any command runs: the schema is brought up to date, and with `--demo` the demo data
    /// is seeded and its accounts printed.
    public func start(demo: Bool) async throws {
        try await prepareDatabase()
        if demo {
            let password = try await DemoSeeder(app: self).seed()
            print(DemoSeeder.banner(password: password))
        }
    }
}

import EduQualityApp
import Vapor

// `--demo` is ours, not Vapor's: take it out before Vapor reads the command line.
var arguments = CommandLine.arguments
let demo = arguments.contains("--demo")
arguments.removeAll { $0 == "--demo" }

var env = try Environment.detect(arguments: arguments)
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
do {
    let config = try AppConfig.fromEnvironment(workingDirectory: app.directory.workingDirectory, demo: demo)
    try await configure(app, config)
    try await app.start(demo: demo)
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()

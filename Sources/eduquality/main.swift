import EduQualityApp
import Vapor

// `--demo` is ours, not Vapor's: take it out before Vapor reads the command line.
var arguments = CommandLine.arguments
let demo = arguments.contains("--demo")
arguments.removeAll { $0 == "--demo" }

var env = try Environment.detect(arguments: arguments)
try ServiceLogging.bootstrap(from: &env)
let app = try await Application.make(env)
do {
    let config = try AppConfig.fromEnvironment(workingDirectory: app.directory.workingDirectory, demo: demo)
    try await configure(app, config)
    // The server is the default command; other commands (migrate, import-responses…) need no engine.
    let command = arguments.dropFirst().first { !$0.hasPrefix("-") }
    // A restore must find the database as it is: migrating first would make an empty one non-empty.
    if command != "restore" {
        try await app.start(demo: demo, serving: command == nil || command == "serve")
    }
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()

// swift-tools-version:6.0
// The domain core on its own: no web framework, no database, no dependencies, so its tests build
// and run in seconds (`cd Domain && swift test`). The root package compiles the same sources.
import PackageDescription

let package = Package(
    name: "EduQualityDomain",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "EduQualityDomain", targets: ["EduQualityDomain"]),
        // Generates 1,000,000 survey responses and times the reporting engine (`bench/reporting`).
        .executable(name: "ReportingBenchmark", targets: ["ReportingBenchmark"]),
    ],
    targets: [
        .target(name: "EduQualityDomain"),
        .executableTarget(name: "ReportingBenchmark", dependencies: ["EduQualityDomain"],
                          path: "Benchmarks/ReportingBenchmark"),
        .testTarget(name: "EduQualityDomainTests", dependencies: ["EduQualityDomain"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
// The domain core on its own: no web framework, no database, no dependencies, so its tests build
// and run in seconds (`cd Domain && swift test`). The root package compiles the same sources.
import PackageDescription

let package = Package(
    name: "EduQualityDomain",
    platforms: [.macOS(.v14)],
    products: [.library(name: "EduQualityDomain", targets: ["EduQualityDomain"])],
    targets: [
        .target(name: "EduQualityDomain"),
        .testTarget(name: "EduQualityDomainTests", dependencies: ["EduQualityDomain"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "EduQuality",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "eduquality", targets: ["eduquality"]),
        .library(name: "EduQualityDomain", targets: ["EduQualityDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        // The app's own HTTP/1 server (Core/Server/) builds its channel pipeline from NIO's handlers.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // Operations: /metrics in Prometheus's text format, fed through swift-metrics.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // The rules of the service: no web framework, no database, value types only.
        // Domain/Package.swift builds the same sources alone for fast tests.
        .target(name: "EduQualityDomain", path: "Domain/Sources/EduQualityDomain"),
        .target(
            name: "EduQualityApp",
            dependencies: [
                "EduQualityDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "eduquality", dependencies: ["EduQualityApp"]),
        .testTarget(
            name: "EduQualityDomainTests",
            dependencies: ["EduQualityDomain"],
            path: "Domain/Tests/EduQualityDomainTests"
        ),
        .testTarget(
            name: "EduQualityAppTests",
            dependencies: [
                "EduQualityApp",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

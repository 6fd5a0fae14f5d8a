import Testing
@testable import EduQualityApp
@Test func placeholderApp() { #expect(true) }

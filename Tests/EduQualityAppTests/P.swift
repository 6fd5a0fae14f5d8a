import Testing
import VaporTesting
@testable import EduQualityApp
@Test func placeholderApp() { #expect(true) }

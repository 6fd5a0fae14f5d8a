import Fluent
import Foundation

/// A version of the Quality Framework: a draft until it is published (`effectiveOn` set), and
/// then never changed. Its domains and standards are rows keyed by the version number.
final class QualityFrameworkVersionRecord: Model, @unchecked Sendable {
    static let schema = "quality_framework_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    /// `YYYY-MM-DD`, the day it was published; nil for the draft.
    @OptionalField(key: "effective_on") var effectiveOn: String?
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "published_by") var publishedBy: String?

    init() {}
    init(number: Int, createdBy: String) {
        self.number = number
        self.createdBy = createdBy
    }

    var isDraft: Bool { effectiveOn == nil }
}

final class QualityFrameworkDomainRecord: Model, @unchecked Sendable {
    static let schema = "quality_framework_domains"
    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    init() {}
    init(version: Int, code: String, name: String, position: Int) {
        self.version = version
        self.code = code
        self.name = name
        self.position = position
    }
}

final class QualityFrameworkStandardRecord: Model, @unchecked Sendable {
    static let schema = "quality_framework_standards"
    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "domain_code") var domainCode: String
    @Field(key: "code") var code: String
    @Field(key: "text") var text: String
    @Field(key: "position") var position: Int

    init() {}
    init(version: Int, domainCode: String, code: String, text: String, position: Int) {
        self.version = version
        self.domainCode = domainCode
        self.code = code
        self.text = text
        self.position = position
    }
}

/// A regulator's standards scheme a crosswalk maps to (loaded from `Seed/reference/crosswalks/`).
final class CrosswalkSchemeRecord: Model, @unchecked Sendable {
    static let schema = "crosswalk_schemes"
    @ID(key: .id) var id: UUID?
    @Field(key: "scheme") var scheme: String
    @Field(key: "name") var name: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "position") var position: Int

    init() {}
    init(scheme: String, name: String, note: String?, position: Int) {
        self.scheme = scheme
        self.name = name
        self.note = note
        self.position = position
    }
}

/// One regulator standard and one framework standard it corresponds to (a row per pair).
final class CrosswalkLinkRecord: Model, @unchecked Sendable {
    static let schema = "crosswalk_links"
    @ID(key: .id) var id: UUID?
    @Field(key: "scheme") var scheme: String
    @Field(key: "regulator_code") var regulatorCode: String
    @Field(key: "regulator_text") var regulatorText: String
    @Field(key: "standard_code") var standardCode: String
    @Field(key: "position") var position: Int

    init() {}
    init(scheme: String, regulatorCode: String, regulatorText: String, standardCode: String, position: Int) {
        self.scheme = scheme
        self.regulatorCode = regulatorCode
        self.regulatorText = regulatorText
        self.standardCode = standardCode
        self.position = position
    }
}

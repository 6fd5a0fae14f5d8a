import Testing
@testable import EduQualityDomain

@Suite("The Freedom to Speak Up guardian directory")
struct GuardianDirectoryTests {
    static func entry(_ id: String, _ name: String, _ code: String, _ organisationName: String) -> GuardianDirectoryEntry {
        GuardianDirectoryEntry(id: id, name: name, organisation: code, organisationName: organisationName,
                               email: "\(id)@example.nhs.uk", phone: nil, availability: nil)
    }

    static let directory = GuardianDirectory(entries: [
        entry("1", "Zoë Ångström", "RJ1", "St George's University Hospitals"),
        entry("2", "Mary-Jane O'Neill", "RJ1", "St George's University Hospitals"),
        entry("3", "Amir Khan", "RM2", "Manchester University"),
        entry("4", "Joe Bloggs", "RX9", "Ashford and St Peter's Hospitals"),
    ])

    static func ids(_ entries: [GuardianDirectoryEntry]) -> [String] { entries.map(\.id) }

    @Test("search ignores case and accents")
    func caseAndAccents() {
        #expect(Self.ids(Self.directory.search("zoe")) == ["1"])
        #expect(Self.ids(Self.directory.search("ANGSTROM")) == ["1"])
        #expect(Self.ids(Self.directory.search("Ångström")) == ["1"])
    }

    @Test("search by organisation name or code, apostrophes and hyphens optional")
    func byOrganisation() {
        #expect(Self.ids(Self.directory.search("st georges")) == ["2", "1"])
        #expect(Self.ids(Self.directory.search("St George's")) == ["2", "1"])
        #expect(Self.ids(Self.directory.search("rm2")) == ["3"])
        #expect(Self.ids(Self.directory.search("oneill")) == ["2"])
        #expect(Self.ids(Self.directory.search("mary jane")) == ["2"])
        #expect(Self.ids(Self.directory.search("st")) == ["4", "2", "1"], "sorted by organisation, then name")
    }

    @Test("every word must match, the organisation filter narrows, and a blank query lists all")
    func combined() {
        #expect(Self.ids(Self.directory.search("joe ashford")) == ["4"])
        #expect(Self.directory.search("joe manchester").isEmpty)
        #expect(Self.ids(Self.directory.search("", organisation: "rj1")) == ["2", "1"])
        #expect(Self.directory.search("  ").count == 4)
    }

    @Test("an entry is validated field by field")
    func validation() throws {
        do {
            _ = try GuardianDirectoryEntry.validated(id: "9", name: " ", organisation: nil, organisationName: "",
                                                     email: "nope", phone: "call me", availability: String(repeating: "x", count: 501))
            Issue.record("must be refused")
        } catch {
            #expect(error.problems.map(\.field) == [.name, .organisation, .email, .phone, .availability])
            #expect(error.message(for: .email) == "Enter an email address in the form name@example.org.")
        }
        let entry = try GuardianDirectoryEntry.validated(id: "9", name: " Ada ", organisation: "RJ1", organisationName: "St George's",
                                                         email: "ada@example.nhs.uk", phone: "+44 (0)20 7946 0000", availability: "")
        #expect(entry.name == "Ada" && entry.phone == "+44 (0)20 7946 0000" && entry.availability == nil)
    }
}

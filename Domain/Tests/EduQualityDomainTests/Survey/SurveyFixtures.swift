import Foundation
@testable import EduQualityDomain

/// Small factories for survey tests: a questionnaire with two core themes, a nursing-only item,
/// a doctors-only theme and free text; matching reference codes; a round in autumn 2026.
enum SurveyFixtures {
    static let agreement = QuestionnaireFile.Scale(
        code: "agreement", labels: ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"])
    static let yesNo = QuestionnaireFile.Scale(code: "yes-no", labels: ["No", "Yes"])

    static func placement() -> [QuestionnaireFile.Placement] {
        [
            .init(field: "profession", text: "Your profession?", required: true),
            .init(field: "organisation", text: "Which organisation?", required: true),
            .init(field: "site", text: "Which site?"),
            .init(field: "placement-type", text: "What kind of placement?", required: true),
            .init(field: "specialty", text: "Which specialty?"),
            .init(field: "training-level", text: "What stage?"),
        ]
    }

    static func item(_ code: String, scale: String = "agreement", reverse: Bool? = nil, allowsNA: Bool? = nil,
                     professions: [String]? = nil) -> QuestionnaireFile.Item {
        .init(code: code, text: "Statement \(code).", scale: scale, reverse: reverse, allowsNA: allowsNA,
              professions: professions)
    }

    static func file() -> QuestionnaireFile {
        QuestionnaireFile(
            version: "test-1", title: "Test questionnaire", scales: [agreement, yesNo], placement: placement(),
            themes: [
                .init(code: "induction", name: "Induction", items: [
                    item("IND1"), item("IND2", allowsNA: true),
                    item("NMW1", scale: "yes-no", professions: ["student-nurse"]),
                ]),
                .init(code: "medical", name: "Medical training", items: [
                    item("MED1", professions: ["doctor-foundation"]),
                ]),
                .init(code: "safety", name: "Safety", items: [item("EDS1", reverse: true)]),
            ],
            freeText: [
                .init(code: "WELL", kind: "worked-well", text: "What worked well?"),
                .init(code: "SAFETY", kind: "patient-safety", text: "Any patient safety concern?"),
            ])
    }

    static func questionnaire() -> Questionnaire { try! file().validated().get() }

    static let professions = [
        "medical-student", "doctor-foundation", "doctor-core", "doctor-specialty", "dental-student",
        "dentist-in-training", "student-nurse", "nursing-associate", "student-midwife", "physiotherapy",
        "occupational-therapy", "radiography", "paramedicine", "speech-language-therapy", "dietetics", "podiatry",
        "orthoptics", "operating-department-practice", "pharmacy", "healthcare-science", "physician-associate",
        "apprentice", "other",
    ]
    static let placementTypes = ["hospital-inpatient", "hospital-outpatient", "community", "primary-care",
                                 "mental-health", "other"]
    static let trainingLevels = ["year-1", "year-2", "year-3", "year-4-plus", "foundation-1", "foundation-2", "core",
                                 "specialty", "other"]

    static func references() -> SurveyReferenceCodes {
        SurveyReferenceCodes(
            professions: professions, organisations: ["RJ1", "RM2"],
            sites: [SiteReference(code: "RJ1-01", organisation: "RJ1"), SiteReference(code: "RM2-01", organisation: "RM2")],
            placementTypes: placementTypes, specialties: ["general-surgery", "paediatrics"],
            trainingLevels: trainingLevels)
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    /// Open 1 September to 30 November 2026, using `test-1`.
    static func round(code: String = "NETS-2026") -> SurveyRound {
        try! SurveyRound(code: code, opens: day("2026-09-01"), closes: day("2026-11-30"), questionnaireVersion: "test-1")
    }

    static func placementDetails(profession: String = "student-nurse") -> PlacementDetails {
        PlacementDetails(round: round().code, profession: profession, organisation: "RJ1", site: "RJ1-01",
                         placementType: "hospital-inpatient", specialty: "paediatrics", trainingLevel: "year-2")
    }

    /// The repository's `Seed/` folder, found from this file's location.
    static func seedFile(_ relativePath: String) -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Seed").appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        fatalError("Seed/\(relativePath) not found above \(#filePath)")
    }

    /// Codes from a reference file, `[{"code", "name"}]`.
    static func referenceCodes(_ file: String) throws -> [String] {
        struct Entry: Decodable { let code: String }
        return try JSONDecoder().decode([Entry].self, from: Data(contentsOf: seedFile("reference/\(file)"))).map(\.code)
    }

    static func coreQuestionnaire() throws -> Questionnaire {
        try Questionnaire.decode(json: Data(contentsOf: seedFile("questionnaires/core-2026.json")),
                                 knownProfessions: Set(referenceCodes("professions.json")))
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("eduquality-\(UUID().uuidString)-\(name)").path
    }
}

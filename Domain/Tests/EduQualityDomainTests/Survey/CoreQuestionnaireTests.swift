import Foundation
import Testing
@testable import EduQualityDomain

@Suite("The shipped core questionnaire")
struct CoreQuestionnaireTests {
    @Test("core-2026.json validates against the reference professions")
    func validates() throws {
        // MUT
        let questionnaire = try SurveyFixtures.coreQuestionnaire()
        // validate
        #expect(questionnaire.version == "core-2026")
    }

    @Test("about 31 items are shown to everyone, in the five national themes and the extra ones")
    func coreItems() throws {
        // setup
        let questionnaire = try SurveyFixtures.coreQuestionnaire()
        // MUT
        let core = questionnaire.items.filter { $0.professions == nil }
        // validate
        #expect((29...33).contains(core.count))
        let themeCodes = questionnaire.themes.map(\.code)
        for theme in ["induction", "clinical-supervision", "facilities", "learning-opportunities", "teamwork",
                      "overall", "equality-and-safety", "speaking-up"] {
            #expect(themeCodes.contains(theme))
        }
        #expect(questionnaire.items.contains { $0.isReverseKeyed })
        #expect(questionnaire.items.contains { $0.allowsNotApplicable })
        #expect(Set(questionnaire.freeTextQuestions.map(\.kind)) == Set(FreeTextKind.allCases))
    }

    @Test("medicine and nursing/midwifery each have their own branch")
    func branches() throws {
        // setup
        let questionnaire = try SurveyFixtures.coreQuestionnaire()
        // MUT
        let branchItems = questionnaire.items.filter { $0.professions != nil }
        // validate
        #expect(branchItems.contains { $0.isShown(to: "doctor-foundation") && !$0.isShown(to: "student-nurse") })
        #expect(branchItems.contains { $0.isShown(to: "student-nurse") && !$0.isShown(to: "doctor-foundation") })
        #expect(branchItems.contains { $0.isShown(to: "student-midwife") })
        #expect(questionnaire.themeIndices(shownTo: "doctor-core").count
                == questionnaire.themeIndices(shownTo: "physiotherapy").count + 1)
    }

    @Test("the reference files hold the agreed professions, placement types and training levels")
    func referenceFiles() throws {
        #expect(try SurveyFixtures.referenceCodes("professions.json") == SurveyFixtures.professions)
        #expect(try SurveyFixtures.referenceCodes("placement-types.json") == SurveyFixtures.placementTypes)
        #expect(try SurveyFixtures.referenceCodes("training-levels.json") == SurveyFixtures.trainingLevels)
    }
}

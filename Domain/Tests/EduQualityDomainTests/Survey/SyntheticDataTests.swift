import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Synthetic survey data")
struct SyntheticDataTests {
    static let specialties = ["general-medicine", "general-surgery", "paediatrics", "obstetrics-and-gynaecology",
                              "emergency-medicine", "psychiatry", "general-practice"]

    static func organisations(_ count: Int = 30) -> [SyntheticOrganisation] {
        let regions = ["LDN", "SE", "SW", "MID", "EOE", "NW", "NEY"]
        return (1...count).map { n in
            SyntheticOrganisation(code: "ORG\(n)", region: regions[n % regions.count],
                                  sites: (1...(1 + n % 3)).map { "ORG\(n)-S\($0)" }, relativeSize: Double(1 + n % 4))
        }
    }

    static func references(_ organisations: [SyntheticOrganisation]) -> SurveyReferenceCodes {
        SurveyReferenceCodes(
            professions: SurveyFixtures.professions, organisations: organisations.map(\.code),
            sites: organisations.flatMap { org in org.sites.map { SiteReference(code: $0, organisation: org.code) } },
            placementTypes: SurveyFixtures.placementTypes, specialties: specialties,
            trainingLevels: SurveyFixtures.trainingLevels)
    }

    static func generator(seed: UInt64 = 2026) throws -> SyntheticResponseGenerator {
        try SyntheticResponseGenerator(questionnaire: SurveyFixtures.coreQuestionnaire(),
                                       population: .standard(organisations: organisations(), specialties: specialties),
                                       seed: seed)
    }

    static func round() throws -> SurveyRound {
        try SurveyRound(code: "NETS-2026", opens: SurveyFixtures.day("2026-09-01"), closes: SurveyFixtures.day("2026-11-30"),
                        questionnaireVersion: "core-2026")
    }

    @Test("the same seed gives the same responses, in any order; another seed differs")
    func determinism() throws {
        // setup
        let round = try Self.round()
        // MUT
        let first = try Self.generator().responses(count: 200, in: round)
        let again = try Self.generator().responses(count: 200, in: round)
        let single = try Self.generator().response(number: 150, in: round)
        let other = try Self.generator(seed: 7).responses(count: 200, in: round)
        // validate
        #expect(first == again)
        #expect(first[149] == single)
        #expect(first != other)
    }

    @Test("the split-mix generator matches its published reference values")
    func splitMixReference() {
        var rng = SplitMix64(seed: 1_234_567)
        #expect([rng.next(), rng.next(), rng.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test("answers lean positive as nationally, with some NA, some skipped, and occasional comments")
    func realism() throws {
        // setup
        let generator = try Self.generator()
        let questionnaire = generator.questionnaire
        // MUT
        let responses = generator.responses(count: 5_000, in: try Self.round())
        // validate
        let overall = questionnaire.itemIndex(of: "OVR1")!
        let ranks = responses.compactMap { if case .rank(let r) = $0.answers[overall] { r } else { nil } }
        let positive = Double(ranks.filter { $0 >= 4 }.count) / Double(ranks.count)
        #expect((0.78...0.91).contains(positive), "overall positive \(positive)")

        let allAnswers = responses.flatMap(\.answers.packed)
        let notApplicable = allAnswers.filter { $0 == 255 }.count
        #expect(notApplicable > 0)
        let skipped = responses.filter { response in
            questionnaire.items.indices.contains { i in
                questionnaire.items[i].professions == nil && response.answers[i] == .unanswered
            }
        }.count
        #expect(skipped > 100)

        let discrimination = questionnaire.itemIndex(of: "EDS1")!
        let experienced = responses.filter { if case .rank(let r) = $0.answers[discrimination] { r >= 3 } else { false } }.count
        #expect((20...750).contains(experienced), "discrimination reported by \(experienced)")

        let comments = responses.flatMap(\.freeTexts)
        #expect(comments.contains { $0.key == "PATIENT-SAFETY" })
        #expect(comments.contains { SyntheticComments.bullying.contains(where: $0.value.contains) })
        let withWorkedWell = responses.filter { $0.freeTexts["WORKED-WELL"] != nil }.count
        #expect((500...2_000).contains(withWorkedWell))
    }

    @Test("profession branches are respected: nobody answers an item not asked of them")
    func branches() throws {
        let generator = try Self.generator()
        for response in generator.responses(count: 2_000, in: try Self.round()) {
            #expect(generator.questionnaire.problems(in: response.answers, profession: response.placement.profession) == [])
        }
    }

    @Test("organisations differ enough for reports to flag some well above and some well below")
    func organisationDifferences() throws {
        // setup
        let generator = try Self.generator()
        let questionnaire = generator.questionnaire
        let items = questionnaire.itemIndices(ofTheme: questionnaire.themes.firstIndex { $0.code == "overall" }!)
        // MUT: mean overall item score (0–100) per organisation
        var scores: [String: [Double]] = [:]
        for response in generator.responses(count: 20_000, in: try Self.round()) {
            for i in items {
                if case .rank(let r) = response.answers[i] {
                    scores[response.placement.organisation, default: []].append(Double(r - 1) * 25)
                }
            }
        }
        let means = scores.values.map { $0.reduce(0, +) / Double($0.count) }.sorted()
        let national = scores.values.flatMap { $0 }.reduce(0, +) / Double(scores.values.map(\.count).reduce(0, +))
        // validate: clear outliers on both sides of the national mean
        #expect(means.first! < national - 5, "lowest \(means.first!) vs \(national)")
        #expect(means.last! > national + 4, "highest \(means.last!) vs \(national)")
    }

    @Test("dates fall within the round, and not after the last day asked for")
    func dates() throws {
        let round = try Self.round()
        let lastDay = SurveyFixtures.day("2026-10-15")
        for response in try Self.generator().responses(count: 1_000, in: round, lastDay: lastDay) {
            #expect(response.submittedOn >= round.opens && response.submittedOn <= lastDay)
        }
    }

    @Test("a generated CSV file reads back and validates without a single error")
    func generatedFileImports() throws {
        // setup
        let generator = try Self.generator()
        let round = try Self.round()
        let path = SurveyFixtures.temporaryPath("generated.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SyntheticResponseFile.write(count: 5_000, of: generator, in: round, to: path)
        // MUT
        var reader = try CSVReader(fileAt: path)
        var imported: [SurveyResponse] = []
        let summary = try ResponseImport.run(
            &reader, questionnaire: generator.questionnaire, round: round,
            references: Self.references(Self.organisations()), today: SurveyFixtures.day("2027-01-01"),
            onRow: { response, _ in imported.append(response) })
        // validate
        #expect(summary.errors.map(\.description) == [])
        #expect(summary.rows == 5_000 && summary.validRows == 5_000)
        #expect(imported == generator.responses(count: 5_000, in: round, idPrefix: "NETS-2026-"))
    }
}

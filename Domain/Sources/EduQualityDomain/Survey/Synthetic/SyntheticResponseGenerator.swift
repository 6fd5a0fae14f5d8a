/// Generates realistic responses for demos and load tests, the same for the same seed.
///
/// Each answer comes from a latent score: a positive baseline (about 85% of answers in the top
/// two, as nationally) plus an effect per organisation (drawn once; a few organisations are
/// markedly better or worse, some only in one theme), per region, per profession, a little drift
/// per organisation from round to round, the respondent's own mood and noise. Reports built on
/// the data therefore show real red and green flags.
public struct SyntheticResponseGenerator: Sendable {
    public let questionnaire: Questionnaire
    public let population: SyntheticPopulation
    public let seed: UInt64

    private let organisationWeights: [Double]
    private let professionWeights: [Double]
    private let placementTypeWeights: [Double]
    private let organisationEffects: [Double]
    /// `[organisation][theme]`
    private let organisationThemeEffects: [[Double]]
    private let professionEffects: [Double]
    private let itemEase: [Double]
    private let itemTheme: [Int]

    static let baseline = 0.45
    static let noise = 0.8
    static let moodSpread = 0.55
    static let notApplicableRate = 0.06
    static let skipRate = 0.015
    static let dropOutRate = 0.03

    public init(questionnaire: Questionnaire, population: SyntheticPopulation, seed: UInt64) {
        self.questionnaire = questionnaire
        self.population = population
        self.seed = seed
        organisationWeights = population.organisations.map(\.relativeSize)
        professionWeights = population.professions.map(\.weight)
        placementTypeWeights = population.placementTypes.map(\.weight)

        var regionEffects: [String: Double] = [:]
        for region in Set(population.organisations.map(\.region)) {
            var rng = SplitMix64(seed, stableHash("region"), stableHash(region))
            regionEffects[region] = 0.08 * rng.normal()
        }
        organisationEffects = population.organisations.map { organisation in
            var rng = SplitMix64(seed, stableHash("organisation"), stableHash(organisation.code))
            var effect = 0.22 * rng.normal() + regionEffects[organisation.region, default: 0]
            if rng.chance(0.15) { effect += rng.chance(0.5) ? 0.5 : -0.55 }
            return effect
        }
        organisationThemeEffects = population.organisations.map { organisation in
            questionnaire.themes.map { theme in
                var rng = SplitMix64(seed, stableHash("organisation-theme"), stableHash(organisation.code),
                                     stableHash(theme.code))
                var effect = 0.12 * rng.normal()
                if rng.chance(0.07) { effect += rng.chance(0.5) ? 0.6 : -0.7 }
                return effect
            }
        }
        professionEffects = population.professions.map { profession in
            var rng = SplitMix64(seed, stableHash("profession"), stableHash(profession.code))
            return 0.15 * rng.normal()
        }
        // Reverse-keyed items ask about harm, which most learners never meet.
        itemEase = questionnaire.items.map { item in
            var rng = SplitMix64(seed, stableHash("item"), stableHash(item.code))
            return 0.2 * rng.normal() + (item.isReverseKeyed ? 0.5 : 0)
        }
        itemTheme = questionnaire.themes.indices.flatMap { index in
            Array(repeating: index, count: questionnaire.themes[index].items.count)
        }
    }

    /// Response `number` of `round`. Each response has its own random stream, so any subset can
    /// be generated in any order with the same result. Dates fall between the round's opening
    /// and the earlier of its closing and `lastDay`.
    public func response(number: Int, in round: SurveyRound, lastDay: CalendarDay? = nil,
                         idPrefix: String? = nil) -> SurveyResponse {
        var rng = SplitMix64(seed, stableHash(round.code.rawValue), UInt64(truncatingIfNeeded: number))
        let organisationIndex = rng.pick(weights: organisationWeights)
        let organisation = population.organisations[organisationIndex]
        let professionIndex = rng.pick(weights: professionWeights)
        let profession = population.professions[professionIndex].code
        let isDoctor = profession.hasPrefix("doctor-")

        let placement = PlacementDetails(
            round: round.code, profession: profession, organisation: organisation.code,
            site: !organisation.sites.isEmpty && rng.chance(0.85) ? rng.pick(organisation.sites) : nil,
            placementType: population.placementTypes[rng.pick(weights: placementTypeWeights)].code,
            specialty: !population.specialties.isEmpty && rng.chance(isDoctor ? 0.95 : 0.6)
                ? rng.pick(population.specialties) : nil,
            trainingLevel: rng.chance(0.95) ? rng.pick(population.trainingLevels[profession] ?? ["other"]) : nil)

        let end = min(round.closes, lastDay ?? round.closes)
        let span = max(0, round.opens.days(to: end))
        let submittedOn = round.opens.adding(days: rng.below(span + 1))

        var drift = SplitMix64(seed, stableHash("drift"), stableHash(organisation.code), stableHash(round.code.rawValue))
        let mood = Self.baseline + organisationEffects[organisationIndex] + professionEffects[professionIndex]
            + 0.08 * drift.normal() + Self.moodSpread * rng.normal()

        var answers = AnswerSheet(for: questionnaire)
        let dropOutTheme = rng.chance(Self.dropOutRate) ? 1 + rng.below(max(1, questionnaire.themes.count - 1)) : Int.max
        var harmed = false
        for (index, item) in questionnaire.items.enumerated() where item.isShown(to: profession) {
            let theme = itemTheme[index]
            if theme >= dropOutTheme || rng.chance(Self.skipRate) { continue }
            if item.allowsNotApplicable && rng.chance(Self.notApplicableRate) {
                answers[index] = .notApplicable
                continue
            }
            let latent = mood + organisationThemeEffects[organisationIndex][theme] + itemEase[index]
                + Self.noise * rng.normal()
            let rank = Self.rank(latent, points: item.scale.points)
            if item.isReverseKeyed && rank <= item.scale.points - 2 { harmed = true }
            answers[index] = .rank(item.isReverseKeyed ? item.scale.points + 1 - rank : rank)
        }

        var freeTexts: [String: String] = [:]
        for question in questionnaire.freeTextQuestions {
            if let text = comment(question.kind, mood: mood, harmed: harmed, rng: &rng) {
                freeTexts[question.code] = text
            }
        }
        return SurveyResponse(responseID: (idPrefix ?? "\(round.code)-") + String(number), placement: placement,
                              answers: answers, freeTexts: freeTexts, submittedOn: submittedOn)
    }

    public func responses(count: Int, in round: SurveyRound, lastDay: CalendarDay? = nil,
                          idPrefix: String? = nil) -> [SurveyResponse] {
        (0..<max(0, count)).map { response(number: $0 + 1, in: round, lastDay: lastDay, idPrefix: idPrefix) }
    }

    /// Thresholds on the latent score, from the top: the top two answers start at −0.6, which a
    /// learner of average mood clears about 85% of the time.
    static func rank(_ latent: Double, points: Int) -> Int {
        let fromTop: [Double] = points == 2 ? [-0.6] : [0.9, -0.6, -1.4, -2.2, -3.0, -3.8, -4.6, -5.4, -6.2, -7.0]
        var rank = points
        for threshold in fromTop.prefix(points - 1) {
            if latent >= threshold { return rank }
            rank -= 1
        }
        return 1
    }

    private func comment(_ kind: FreeTextKind, mood: Double, harmed: Bool, rng: inout SplitMix64) -> String? {
        let phrases: [String]
        switch kind {
        case .workedWell:
            guard rng.chance(mood > 0.8 ? 0.35 : 0.22) else { return nil }
            phrases = SyntheticComments.workedWell
        case .couldBeImproved:
            guard rng.chance(mood < 0.2 ? 0.35 : 0.18) else { return nil }
            phrases = harmed && rng.chance(0.5) ? SyntheticComments.bullying : SyntheticComments.couldBeImproved
        case .patientSafety:
            guard rng.chance(mood < 0 ? 0.07 : 0.012) else { return nil }
            phrases = harmed && rng.chance(0.25) ? SyntheticComments.bullying : SyntheticComments.patientSafety
        }
        let first = rng.pick(phrases)
        guard rng.chance(0.3) else { return first }
        // Some people write paragraphs, which also exercises quoted line breaks in CSV.
        return first + (rng.chance(0.3) ? "\n" : " ") + rng.pick(phrases)
    }
}

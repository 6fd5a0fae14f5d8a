/// Who answers in generated data: organisations with their sites, and how learners spread over
/// professions, placement types, specialties and training levels.
public struct SyntheticPopulation: Sendable {
    public var organisations: [SyntheticOrganisation]
    public var professions: [WeightedCode]
    public var placementTypes: [WeightedCode]
    public var specialties: [String]
    /// Training levels a profession's learners may be at; professions not listed use `other`.
    public var trainingLevels: [String: [String]]

    public init(organisations: [SyntheticOrganisation], professions: [WeightedCode],
                placementTypes: [WeightedCode], specialties: [String], trainingLevels: [String: [String]]) {
        self.organisations = organisations
        self.professions = professions
        self.placementTypes = placementTypes
        self.specialties = specialties
        self.trainingLevels = trainingLevels
    }

    /// The default reference codes, weighted roughly like a national survey's respondents
    /// (student nurses and medical students the largest groups).
    public static func standard(organisations: [SyntheticOrganisation], specialties: [String]) -> SyntheticPopulation {
        let students = ["year-1", "year-2", "year-3"]
        return SyntheticPopulation(
            organisations: organisations,
            professions: [
                .init("student-nurse", 30), .init("medical-student", 14), .init("doctor-foundation", 7),
                .init("doctor-core", 4), .init("doctor-specialty", 6), .init("student-midwife", 5),
                .init("nursing-associate", 3), .init("physiotherapy", 4), .init("occupational-therapy", 3),
                .init("radiography", 3), .init("paramedicine", 4), .init("speech-language-therapy", 1),
                .init("dietetics", 1), .init("podiatry", 0.5), .init("orthoptics", 0.3),
                .init("operating-department-practice", 1.5), .init("pharmacy", 3), .init("healthcare-science", 1.5),
                .init("physician-associate", 1.5), .init("dental-student", 1.5), .init("dentist-in-training", 0.7),
                .init("apprentice", 3), .init("other", 1),
            ],
            placementTypes: [
                .init("hospital-inpatient", 45), .init("hospital-outpatient", 12), .init("community", 17),
                .init("primary-care", 12), .init("mental-health", 10), .init("other", 4),
            ],
            specialties: specialties,
            trainingLevels: [
                "medical-student": students + ["year-4-plus"], "dental-student": students + ["year-4-plus"],
                "doctor-foundation": ["foundation-1", "foundation-2"], "doctor-core": ["core"],
                "doctor-specialty": ["specialty"], "dentist-in-training": ["foundation-1", "core", "specialty"],
                "student-nurse": students, "student-midwife": students, "nursing-associate": ["year-1", "year-2"],
                "physiotherapy": students, "occupational-therapy": students, "radiography": students,
                "paramedicine": students, "speech-language-therapy": students, "dietetics": students,
                "podiatry": students, "orthoptics": students, "operating-department-practice": students,
                "pharmacy": students + ["year-4-plus"], "healthcare-science": students,
                "physician-associate": ["year-1", "year-2"], "apprentice": students + ["year-4-plus"],
            ])
    }
}

public struct SyntheticOrganisation: Hashable, Sendable {
    public let code: String
    public let region: String
    public let sites: [String]
    /// Larger organisations host more learners, so produce more responses.
    public let relativeSize: Double

    public init(code: String, region: String, sites: [String], relativeSize: Double = 1) {
        self.code = code
        self.region = region
        self.sites = sites
        self.relativeSize = relativeSize
    }
}

public struct WeightedCode: Hashable, Sendable {
    public let code: String
    public let weight: Double

    public init(_ code: String, _ weight: Double) {
        self.code = code
        self.weight = weight
    }
}

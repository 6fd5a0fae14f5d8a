/// One item of a review's evidence pack. Items are linked, not copied: the pack shows each as it
/// is now (a survey cell through disclosure control, a concern by its reference only).
public enum ReviewEvidence: Hashable, Sendable {
    /// A quality register entry, `QR-00012`.
    case registerEntry(String)
    /// The ISF history of a subject.
    case isfHistory(ISFSubject)
    /// A survey flag, concern, triaged comment, speak-up theme, GMC result or self-report.
    case source(RegisterSource)

    public var kind: String {
        switch self {
        case .registerEntry: "register-entry"
        case .isfHistory: "isf"
        case .source(let source): source.kind.rawValue
        }
    }

    public var reference: String {
        switch self {
        case .registerEntry(let reference): reference
        case .isfHistory(let subject): subject.description
        case .source(let source): source.reference
        }
    }

    /// Every kind of item the pack takes, with how its reference is written.
    public static let kinds: [(code: String, name: String, format: String)] =
        [("register-entry", "Quality register entry", "a register reference, e.g. QR-00012"),
         ("isf", "ISF history", "KIND:CODE, e.g. programme:T001/GEN-SURG or organisation:T001")]
        + RegisterSourceKind.allCases.map { ($0.rawValue, $0.displayName, $0.referenceFormat) }

    /// Parses an item typed as a kind and a reference; the error names the format.
    public init(kind: String, reference text: String) throws(InvalidForm) {
        let reference = text.trimmingWhitespace
        switch kind {
        case "register-entry":
            let upper = reference.uppercased()
            guard upper.hasPrefix("QR-"), upper.count == 8, Int(upper.dropFirst(3)) != nil else {
                throw InvalidForm(field: "reference", "A register entry is written QR- and five digits, e.g. QR-00012.")
            }
            self = .registerEntry(upper)
        case "isf":
            let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = ISFSubject.Kind(rawValue: parts[0]),
                  let subject = ISFSubject(kind: kind, code: parts[1]) else {
                throw InvalidForm(field: "reference", "An ISF subject is written KIND:CODE, e.g. programme:T001/GEN-SURG.")
            }
            self = .isfHistory(subject)
        default:
            guard let sourceKind = RegisterSourceKind(rawValue: kind) else {
                throw InvalidForm(field: "kind", "Choose what kind of evidence this is.")
            }
            do { self = .source(try RegisterSource(kind: sourceKind, reference: reference)) } catch {
                throw InvalidForm(field: "reference", error.description)
            }
        }
    }
}

/// Learners and educators the panel met, as counts: never names.
public struct MetGroup: Hashable, Sendable, Codable {
    public enum Level: String, CaseIterable, Codable, Sendable, Hashable {
        case student, foundation, core, specialty, apprentice, qualified
        case educator, supervisor

        public var displayName: String {
            switch self {
            case .student: "Students"
            case .foundation: "Foundation"
            case .core: "Core"
            case .specialty: "Specialty (higher)"
            case .apprentice: "Apprentices"
            case .qualified: "Newly qualified (preceptorship)"
            case .educator: "Educators"
            case .supervisor: "Clinical or educational supervisors"
            }
        }
    }

    public var profession: String
    public var level: Level
    public var count: Int

    public init(profession: String, level: Level, count: Int) {
        self.profession = profession
        self.level = level
        self.count = count
    }

    public static let maxCount = 10_000

    /// A group as typed: a known profession code, a level and a whole number of people.
    public static func validated(profession: String?, level: String?, count: String?,
                                 professions: Set<String>) throws(InvalidForm) -> MetGroup {
        var problems = FormProblems()
        let code = FormProblems.clean(profession)
        if code == nil || !professions.contains(code!) { problems.add("profession", "Choose a profession.") }
        let level = FormProblems.clean(level).flatMap(Level.init(rawValue:))
        if level == nil { problems.add("level", "Choose a level.") }
        let number = FormProblems.clean(count).flatMap { Int($0) }
        if number == nil || number! < 1 || number! > maxCount {
            problems.add("count", "Enter how many people, a whole number from 1 to \(maxCount).")
        }
        try problems.check()
        return MetGroup(profession: code!, level: level!, count: number!)
    }
}

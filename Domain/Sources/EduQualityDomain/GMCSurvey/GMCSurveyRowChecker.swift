/// Checks one data row of a GMC survey file; see `GMCSurveyFile` for the rules.
struct RowChecker {
    let codes: GMCSurveyReferenceCodes
    let actor: Actor
    let today: CalendarDay
    private let indicatorSet: Set<String>

    init(codes: GMCSurveyReferenceCodes, actor: Actor, today: CalendarDay) {
        self.codes = codes
        self.actor = actor
        self.today = today
        indicatorSet = Set(codes.indicators)
    }

    /// The result, or nil with the row's errors appended.
    func check(_ record: CSVRecord, errors: inout [ImportError]) -> GMCSurveyResult? {
        let columns = GMCSurveyFile.columns
        guard record.count == columns.count else {
            errors.append(ImportError(line: record.line, column: "row",
                                      reason: "has \(record.count) fields but the header has \(columns.count)"))
            return nil
        }
        let before = errors.count
        for issue in record.issues {
            errors.append(ImportError(line: issue.line, column: columns[issue.field], reason: issue.reason))
        }
        let fields = record.strings.map(\.trimmingASCIISpaces)
        func report<T>(_ index: Int, _ outcome: Result<T, Refusal>) -> T? {
            switch outcome {
            case .success(let value): return value
            case .failure(let refusal):
                errors.append(ImportError(line: record.line(ofField: index), column: columns[index], reason: refusal.reason))
                return nil
            }
        }
        let year = report(0, self.year(fields[0]))
        let organisation = report(1, self.organisation(fields[1]))
        let site = report(2, self.site(fields[2], organisation: organisation))
        let specialty = report(3, code(fields[3], in: codes.specialties, "specialty"))
        let indicator = report(4, self.indicator(fields[4]))
        let score = report(5, self.score(fields[5]))
        let flag = report(6, self.flag(fields[6]))
        guard errors.count == before, let year, let organisation, let site, let specialty, let indicator,
              let score, let flag else { return nil }
        let key = GMCSurveyReference(year: year, organisation: organisation, site: site, specialty: specialty, indicator: indicator)
        return GMCSurveyResult(key: key, score: score, flag: flag)
    }

    struct Refusal: Error { let reason: String; init(_ r: String) { reason = r } }

    private func year(_ text: String) -> Result<Int, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("is required")) }
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text), year >= 1000 else {
            return .failure(Refusal("\"\(text)\" is not a four-digit year, such as \(today.year)"))
        }
        guard year <= today.year else { return .failure(Refusal("\(year) is in the future")) }
        return .success(year)
    }

    private func organisation(_ text: String) -> Result<String, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("is required")) }
        guard let region = codes.regionOfOrganisation[text] else {
            return .failure(Refusal("unknown organisation code \"\(text)\""))
        }
        guard Authorization.isAllowed(actor, .importGMCSurvey, .located(Location(region: region, organisation: text))) else {
            return .failure(Refusal("organisation \"\(text)\" (region \(region)) is outside the organisations you may import results for"))
        }
        return .success(text)
    }

    /// `.success(nil)` when the site is empty (a result for the whole organisation).
    private func site(_ text: String, organisation: String?) -> Result<String?, Refusal> {
        guard !text.isEmpty else { return .success(nil) }
        guard let owner = codes.organisationOfSite[text] else { return .failure(Refusal("unknown site code \"\(text)\"")) }
        if let organisation, owner != organisation {
            return .failure(Refusal("site \"\(text)\" belongs to organisation \"\(owner)\", not \"\(organisation)\""))
        }
        return .success(text)
    }

    private func indicator(_ text: String) -> Result<String, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("is required")) }
        guard indicatorSet.contains(text) else {
            return .failure(Refusal("unknown indicator \"\(text)\"; use one of \(codes.indicators.joined(separator: ", "))"))
        }
        return .success(text)
    }

    private func code(_ text: String, in known: Set<String>, _ what: String) -> Result<String, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("is required")) }
        return known.contains(text) ? .success(text) : .failure(Refusal("unknown \(what) code \"\(text)\""))
    }

    /// Digits with an optional decimal part: no sign, exponent, `nan` or thousands separator.
    private func score(_ text: String) -> Result<Double, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("is required")) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let score = Double(text) else {
            return .failure(Refusal("\"\(text)\" is not a number; give a score from 0 to 100, such as 72.5"))
        }
        guard score <= 100 else { return .failure(Refusal("\(text) is more than 100; scores are from 0 to 100")) }
        return .success(score)
    }

    private func flag(_ text: String) -> Result<GMCFlag, Refusal> {
        guard !text.isEmpty else { return .failure(Refusal("is required")) }
        guard let flag = GMCFlag(rawValue: text) else {
            return .failure(Refusal("\"\(text)\" is not a flag; use one of \(GMCFlag.allowedValues)"))
        }
        return .success(flag)
    }
}

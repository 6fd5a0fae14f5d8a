/// Validates import rows against the round, its questionnaire and the reference codes, working
/// on the bytes of each field with lookups prepared once, so a million rows take seconds.
/// Errors read `line N: column: reason`; a row with no error becomes a `SurveyResponse`.
///
/// One validator is one pass over one file: it remembers the response ids it has seen. It is a
/// class because it is that stateful pass, and because copying a struct of many lookup tables
/// on each call inside the per-row closure cost more than the validation itself.
public final class ResponseImportValidator {
    public static let maximumResponseIDLength = 64

    private let names: [String]
    private let fieldCount: Int
    private let questionnaire: Questionnaire
    private let round: SurveyRound
    private let references: SurveyReferenceCodes
    private let firstDay: CalendarDay
    private let lastDay: CalendarDay
    private let today: CalendarDay

    private let professions: ByteStringTable
    private let organisations: ByteStringTable
    private let sites: ByteStringTable
    /// Organisation index of each site, or -1 when its organisation is not in the list.
    private let siteOrganisation: [Int]
    private let placementTypes: ByteStringTable
    private let specialties: ByteStringTable
    private let trainingLevels: ByteStringTable

    private let columns: PlacementColumns
    private let itemColumns: [ItemColumn]
    private let freeTextColumns: [Int]
    private let freeTextCodeOfColumn: [String]
    private let itemPoints: [UInt8]
    private let itemAllowsNA: [Bool]
    private let itemCount: Int
    /// `shown[profession * itemCount + item]`: is the item asked of that profession?
    private let shown: [Bool]

    private let responseIDs = ResponseIDRegistry()
    private static let noAnswers = AnswerSheet(itemCount: 0)
    public private(set) var rowsChecked = 0

    private struct ItemColumn {
        let column: Int
        let item: Int
        let points: UInt8
    }

    private struct PlacementColumns {
        var responseID = 0, submittedOn = 0, profession = 0, organisation = 0, placementType = 0
        var site: Int?, specialty: Int?, level: Int?
    }

    /// The outcome of checking one field: a value, or the reason it is wrong.
    private enum Checked<Value> {
        case ok(Value)
        case wrong(String)
    }

    public init(header: ResponseImportHeader, questionnaire: Questionnaire, round: SurveyRound,
                references: SurveyReferenceCodes, window: SubmissionWindow = .roundDates, today: CalendarDay) {
        self.names = header.names
        self.fieldCount = header.count
        self.questionnaire = questionnaire
        self.round = round
        self.references = references
        self.firstDay = round.opens
        self.lastDay = window.lastDay(of: round)
        self.today = today

        professions = ByteStringTable(references.professions)
        organisations = ByteStringTable(references.organisations)
        sites = ByteStringTable(references.sites.map(\.code))
        let organisationIndex = Dictionary(references.organisations.enumerated().map { ($1, $0) },
                                           uniquingKeysWith: { first, _ in first })
        siteOrganisation = references.sites.map { organisationIndex[$0.organisation] ?? -1 }
        placementTypes = ByteStringTable(references.placementTypes)
        specialties = ByteStringTable(references.specialties)
        trainingLevels = ByteStringTable(references.trainingLevels)

        var columns = PlacementColumns()
        var itemColumns: [ItemColumn] = []
        var freeTextColumns: [Int] = [], freeTextCodes: [String] = []
        for (index, column) in header.columns.enumerated() {
            switch column {
            case .responseID: columns.responseID = index
            case .submittedOn: columns.submittedOn = index
            case .profession: columns.profession = index
            case .organisation: columns.organisation = index
            case .placementType: columns.placementType = index
            case .site: columns.site = index
            case .specialty: columns.specialty = index
            case .level: columns.level = index
            case .item(let item):
                itemColumns.append(ItemColumn(column: index, item: item,
                                              points: UInt8(questionnaire.items[item].scale.points)))
            case .freeText(let question):
                freeTextColumns.append(index)
                freeTextCodes.append(questionnaire.freeTextQuestions[question].code)
            }
        }
        self.columns = columns
        self.itemColumns = itemColumns
        self.freeTextColumns = freeTextColumns
        self.freeTextCodeOfColumn = freeTextCodes
        itemPoints = questionnaire.items.map { UInt8($0.scale.points) }
        itemAllowsNA = questionnaire.items.map(\.allowsNotApplicable)
        itemCount = questionnaire.items.count
        shown = references.professions.flatMap { profession in questionnaire.items.map { $0.isShown(to: profession) } }
    }

    /// Checks one record; appends its errors and returns the response when it had none.
    public func validate(_ record: CSVRecord, errors: inout [ImportError]) -> SurveyResponse? {
        check(record, errors: &errors, build: true)
    }

    /// Checks one record without building the response (a dry run); true when it had no error.
    public func check(_ record: CSVRecord, errors: inout [ImportError]) -> Bool {
        let before = errors.count
        _ = check(record, errors: &errors, build: false)
        return errors.count == before
    }

    private func check(_ record: CSVRecord, errors: inout [ImportError], build: Bool) -> SurveyResponse? {
        rowsChecked += 1
        guard record.count == fieldCount else {
            errors.append(fieldCountError(record))
            return nil
        }
        let errorsBefore = errors.count
        for issue in record.issues {
            errors.append(ImportError(line: issue.line, column: names[issue.field], reason: issue.reason))
        }
        return record.withFields { fields in
            func report<T>(_ checked: Checked<T>, _ column: Int) -> T? {
                switch checked {
                case .ok(let value): return value
                case .wrong(let reason):
                    errors.append(ImportError(line: record.line(ofField: column), column: names[column], reason: reason))
                    return nil
                }
            }
            let responseIDBytes = Self.trimmed(fields[columns.responseID])
            let responseIDValid = report(checkResponseID(responseIDBytes, line: record.line), columns.responseID) != nil
            let submittedOn = report(checkDay(Self.trimmed(fields[columns.submittedOn])), columns.submittedOn)
            let profession = report(code(fields[columns.profession], professions, "profession", required: true), columns.profession) ?? nil
            let organisation = report(code(fields[columns.organisation], organisations, "organisation", required: true), columns.organisation) ?? nil
            var site: Int?
            if let column = columns.site {
                site = report(code(fields[column], sites, "site", required: false), column) ?? nil
                if let site, let organisation, siteOrganisation[site] != organisation {
                    _ = report(Checked<Void>.wrong("site \"\(references.sites[site].code)\" belongs to organisation \"\(references.sites[site].organisation)\", not \"\(references.organisations[organisation])\""), column)
                }
            }
            let placementType = report(code(fields[columns.placementType], placementTypes, "placement type", required: true), columns.placementType) ?? nil
            let specialty = columns.specialty.flatMap { report(code(fields[$0], specialties, "specialty", required: false), $0) ?? nil }
            let level = columns.level.flatMap { report(code(fields[$0], trainingLevels, "training level", required: false), $0) ?? nil }

            var answers = build ? AnswerSheet(itemCount: itemCount) : Self.noAnswers
            shown.withUnsafeBufferPointer { shown in
                let shownOffset = (profession ?? 0) &* itemCount
                for spec in itemColumns {
                    let value = fields[spec.column]
                    // The usual answer is one digit on the scale of an item the learner is asked.
                    if value.count == 1, case let digit = value[0] &- 0x30, digit >= 1 && digit <= spec.points,
                       profession == nil || shown[shownOffset &+ spec.item] {
                        if build { answers.setPacked(digit, at: spec.item) }
                        continue
                    }
                    if value.isEmpty { continue }
                    if let packed = report(answer(Self.trimmed(value), item: spec.item, profession: profession), spec.column),
                       build && packed != 0 {
                        answers.setPacked(packed, at: spec.item)
                    }
                }
            }
            var freeTexts: [String: String] = [:]
            for (position, column) in freeTextColumns.enumerated() {
                if let text = report(freeText(fields[column], build: build), column) ?? nil {
                    freeTexts[freeTextCodeOfColumn[position]] = text
                }
            }
            guard build, errors.count == errorsBefore, responseIDValid, let submittedOn, let profession,
                  let organisation, let placementType else { return nil }
            let placement = PlacementDetails(
                round: round.code, profession: references.professions[profession],
                organisation: references.organisations[organisation], site: site.map { references.sites[$0].code },
                placementType: references.placementTypes[placementType],
                specialty: specialty.map { references.specialties[$0] },
                trainingLevel: level.map { references.trainingLevels[$0] })
            return SurveyResponse(responseID: String(decoding: responseIDBytes, as: UTF8.self), placement: placement,
                                  answers: answers, freeTexts: freeTexts, submittedOn: submittedOn)
        }
    }

    private func fieldCountError(_ record: CSVRecord) -> ImportError {
        if record.count < fieldCount {
            return ImportError(line: record.line, column: names[record.count],
                               reason: "missing: the row has \(record.count) fields but the header has \(fieldCount)")
        }
        return ImportError(line: record.line(ofField: fieldCount), column: "column \(fieldCount + 1)",
                           reason: "unexpected field: the row has \(record.count) fields but the header has \(fieldCount)")
    }

    private func checkResponseID(_ value: UnsafeBufferPointer<UInt8>, line: Int) -> Checked<Void> {
        guard !value.isEmpty else { return .wrong("required, but empty") }
        if !Self.isASCII(value) && !isValidUTF8(value) {
            return .wrong("not valid UTF-8 text")
        }
        if value.count > Self.maximumResponseIDLength {
            return .wrong("longer than \(Self.maximumResponseIDLength) characters")
        }
        if let firstLine = responseIDs.insert(value, line: line) {
            return .wrong("duplicate response_id \(quoted(value)) (first on line \(firstLine))")
        }
        return .ok(())
    }

    private func checkDay(_ value: UnsafeBufferPointer<UInt8>) -> Checked<CalendarDay> {
        guard !value.isEmpty else { return .wrong("required, but empty") }
        switch ISODateBytes.parse(value) {
        case .malformed:
            return .wrong("\(quoted(value)) is not a date in the form YYYY-MM-DD")
        case .nonexistent:
            return .wrong("\(quoted(value)) is not a real date")
        case .day(let day) where day < firstDay:
            return .wrong("\(day) is before the round opened on \(firstDay)")
        case .day(let day) where day > today:
            return .wrong("\(day) is in the future")
        case .day(let day) where day > lastDay:
            return .wrong(lastDay == round.closes
                ? "\(day) is after the round closed on \(round.closes)"
                : "\(day) is after the last day accepted, \(lastDay) (the round closed on \(round.closes))")
        case .day(let day):
            return .ok(day)
        }
    }

    /// A code's index in its list; nil when empty and optional.
    private func code(_ field: UnsafeBufferPointer<UInt8>, _ table: ByteStringTable, _ noun: String,
                      required: Bool) -> Checked<Int?> {
        if let index = table.value(for: field) { return .ok(index) }
        let value = Self.trimmed(field)
        guard !value.isEmpty else { return required ? .wrong("required, but empty") : .ok(nil) }
        guard let index = table.value(for: value) else { return .wrong("unknown \(noun) \(quoted(value))") }
        return .ok(index)
    }

    /// The packed answer (0 when empty).
    private func answer(_ value: UnsafeBufferPointer<UInt8>, item: Int, profession: Int?) -> Checked<UInt8> {
        guard !value.isEmpty else { return .ok(0) }
        let points = itemPoints[item]
        let packed: UInt8
        if value.count == 1, case let digit = value[0] &- 0x30, digit >= 1 && digit <= points {
            packed = digit
        } else if value.count == 2 && (value[0] | 0x20) == UInt8(ascii: "n") && (value[1] | 0x20) == UInt8(ascii: "a") {
            packed = SurveyAnswer.notApplicable.packed
        } else {
            var rank = 0
            for b in value {
                guard b.isASCIIDigit, rank < 1000 else {
                    return .wrong("\(quoted(value)) is not an answer: use a rank from 1 to \(points), NA, or leave it empty")
                }
                rank = rank * 10 + Int(b - 0x30)
            }
            guard rank >= 1 && rank <= Int(points) else { return .wrong("rank \(rank) is outside the scale 1–\(points)") }
            packed = UInt8(rank)
        }
        if let profession, !shown[profession &* itemCount &+ item] {
            return .wrong("this item is not asked of profession \"\(references.professions[profession])\"; leave it empty")
        }
        if packed == SurveyAnswer.notApplicable.packed && !itemAllowsNA[item] {
            return .wrong("NA is not allowed for this item")
        }
        return .ok(packed)
    }

    /// The text when there is one; blank text counts as no answer.
    private func freeText(_ value: UnsafeBufferPointer<UInt8>, build: Bool) -> Checked<String?> {
        guard value.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return .ok(nil) }
        let ascii = Self.isASCII(value)
        // Characters never outnumber bytes, so only long or non-ASCII text needs a String here.
        guard build || !ascii || value.count > FreeTextQuestion.characterLimit else { return .ok(nil) }
        guard ascii || isValidUTF8(value) else { return .wrong("not valid UTF-8 text") }
        let text = String(decoding: value, as: UTF8.self)
        if value.count > FreeTextQuestion.characterLimit {
            let length = text.count
            if length > FreeTextQuestion.characterLimit {
                return .wrong("longer than \(FreeTextQuestion.characterLimit.formattedWithCommas) characters (\(length.formattedWithCommas))")
            }
        }
        return .ok(text)
    }

    /// The field without surrounding spaces or tabs.
    static func trimmed(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = value.baseAddress, value.count > 0 else { return value }
        var start = 0
        var end = value.count
        while start < end && (base[start] == 0x20 || base[start] == 0x09) { start += 1 }
        while end > start && (base[end - 1] == 0x20 || base[end - 1] == 0x09) { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    static func isASCII(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for b in value { combined |= b }
        return combined < 0x80
    }
}

/// A field value for a message: quoted, shortened if long.
private func quoted(_ value: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: value, as: UTF8.self)
    return "\"" + (text.count > 40 ? text.prefix(40) + "…" : text) + "\""
}

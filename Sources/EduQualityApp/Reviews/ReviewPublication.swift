import EduQualityDomain
import Fluent
import Vapor

/// Freezes what a published version of a report says (`ReviewReportSnapshot`), with the names of
/// the day, the findings as recorded and each programme's ISF rating with its change since that
/// programme's previous published report.
enum ReviewPublication {
    static func snapshot(_ review: Review, of record: ReviewRecord, version: Int, publishedOn: CalendarDay,
                         on db: any Database, types: ReviewTypes) async throws -> ReviewReportSnapshot {
        let names = try await ReportNames.load(db, engine: nil)
        func named(_ code: String, _ dimension: ReportDimension) -> ReviewReportSnapshot.Named {
            .init(code: code, name: names.name(code, dimension))
        }
        let requirements = try await RequirementStore.forReview(record, on: db).map(\.1)
        var ratings: [ReviewReportSnapshot.ISFRating] = []
        for subject in review.programmes {
            let history = try await ISFStore.history(of: subject, on: db)
            guard let current = history.current else { continue }
            let programme = names.name(subject.programme!.specialty, .specialty)
            let previous = try await previousRating(of: programme, organisation: review.organisation,
                                                    before: review.reference, on: db)
            ratings.append(.init(programme: programme,
                                 rating: ReportISFRating.rating(category: current.category, provisional: current.isProvisional,
                                                                previousReportCategory: previous, historyMovement: current.movement),
                                 provisional: current.isProvisional))
        }
        return ReviewReportSnapshot(
            reference: review.reference, version: version, provider: named(review.organisation, .organisation),
            region: named(review.region, .region),
            type: .init(code: review.type, name: types.named(review.type)?.name ?? review.type),
            sites: review.sites.map { named($0, .site) }, specialty: review.specialty.map { named($0, .specialty) },
            programmeGroup: review.programmeGroup, professions: review.professions.map { named($0, .profession) },
            reviewedOn: review.visitedOn ?? review.plannedOn, finalOn: review.report.finalOn ?? publishedOn,
            publishedOn: publishedOn, sections: review.report.sections, isfRatings: ratings,
            findings: requirements.map { ReviewReportSnapshot.Finding(reference: $0.reference, kind: $0.kind, standards: $0.standards, text: $0.text, due: $0.due) },
            grades: review.grades, panel: review.panel.map(\.publicDescription), metTotal: review.met.reduce(0) { $0 + $1.count })
    }

    /// The category the provider's last published report (of another review) gave the programme.
    private static func previousRating(of programme: String, organisation: String, before reference: String,
                                       on db: any Database) async throws -> Int? {
        let versions = try await ReviewReportVersionRecord.query(on: db).filter(\.$organisationCode == organisation)
            .filter(\.$reviewReference != reference).sort(\.$publishedAt, .descending).all()
        for version in versions {
            if let rating = version.snapshot?.isfRatings.first(where: { $0.programme == programme }) {
                return ReportISFRating.category(in: rating.rating)
            }
        }
        return nil
    }

    /// Stores version `number` of the report.
    static func store(_ snapshot: ReviewReportSnapshot, note: String, review record: ReviewRecord, on db: any Database) async throws {
        let row = ReviewReportVersionRecord()
        row.reviewID = try record.requireID()
        row.reviewReference = snapshot.reference
        row.version = snapshot.version
        row.organisationCode = snapshot.provider.code
        row.regionCode = snapshot.region.code
        row.publishedAt = Date()
        row.note = note
        row.snapshotJSON = RegisterEntryRecord.json(snapshot)
        try await row.create(on: db)
    }

    /// The newest version of every published report.
    static func latest(on db: any Database) async throws -> [ReviewReportSnapshot] {
        let rows = try await ReviewReportVersionRecord.query(on: db).sort(\.$version, .descending).all()
        var seen = Set<String>()
        return rows.compactMap { row in
            guard seen.insert(row.reviewReference).inserted else { return nil }
            return row.snapshot
        }
    }

    /// Every version of one report, oldest first.
    static func versions(of reference: String, on db: any Database) async throws -> [ReviewReportVersionRecord] {
        try await ReviewReportVersionRecord.query(on: db).filter(\.$reviewReference == reference.uppercased()).sort(\.$version).all()
    }
}

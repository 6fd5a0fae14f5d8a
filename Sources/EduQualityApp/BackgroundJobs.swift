import EduQualityDomain
import Fluent
import Vapor

/// Work the server does on its own while it runs: keeping the reporting engine up to date (every
/// two seconds, so responses written by the import command or another instance show within five),
/// telling handlers about overdue concerns, and logging rounds that opened or closed by date.
/// The reporting engine is each instance's own memory, so every instance refreshes its own; the
/// jobs that write (mail delivery, housekeeping) run on one instance at a time, whichever holds
/// the job's lease (`JobLease`).
final class BackgroundJobs: LifecycleHandler, @unchecked Sendable {
    private var tasks: [Task<Void, Never>] = []

    static let reportRefreshInterval: Duration = .seconds(2)
    static let housekeepingInterval: Duration = .seconds(3600)
    static let mailInterval: Duration = .seconds(30)

    func start(_ app: Application) {
        let logger = app.logger
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.reportRefreshInterval)
                guard !Task.isCancelled, let engine = app.reportEngine else { continue }
                do {
                    try await engine.refresh(db: app.db, catalog: app.surveyCatalog)
                    app.serviceMetrics.jobRun("report-refresh", outcome: "ran")
                } catch {
                    app.serviceMetrics.jobRun("report-refresh", outcome: "failed")
                    logger.warning("report refresh failed: \(String(describing: error))")
                }
            }
        })
        if let smtp = app.config.smtp {
            tasks.append(Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.mailInterval)
                    guard !Task.isCancelled else { return }
                    do {
                        try await Self.leased("outbox-delivery", every: Self.mailInterval, app) {
                            _ = try await OutboxDelivery(db: app.db, smtp: smtp, threadPool: app.threadPool).deliver()
                        }
                    } catch {
                        logger.warning("outbox delivery failed: \(String(describing: error))")
                    }
                }
            })
        }
        tasks.append(Task {
            while !Task.isCancelled {
                do {
                    try await Self.leased("housekeeping", every: Self.housekeepingInterval, app) { try await Self.housekeeping(app) }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("housekeeping failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: Self.housekeepingInterval)
            }
        })
    }

    /// Stops the jobs and waits for them, before the databases close, and hands their leases on.
    func shutdownAsync(_ application: Application) async {
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        try? await application.jobLease.releaseAll()
    }

    /// Runs `job` if this instance takes its lease for one interval, counting the turn in `/metrics`.
    static func leased(_ name: String, every interval: Duration, _ app: Application,
                       _ job: () async throws -> Void) async throws {
        guard try await app.jobLease.take(name, for: TimeInterval(interval.components.seconds)) else {
            app.serviceMetrics.jobRun(name, outcome: "skipped")
            return
        }
        do {
            try await job()
            app.serviceMetrics.jobRun(name, outcome: "ran")
        } catch {
            app.serviceMetrics.jobRun(name, outcome: "failed")
            throw error
        }
    }

    /// Old sign-in and look-up failures and sessions past their absolute time-out forgotten, the batch of anonymous audit events once a batch time has
    /// passed, the audited counts of survey responses of days that have ended, overdue notices
    /// (each sent once per stage and clock), ISF review reminders and overdue reviews, overdue immediate
    /// mandatory requirements (to the regional team, once each), self-assessment reminders and overdue
    /// notices, round state changes, and once a day the retention purge.
    static func housekeeping(_ app: Application, now: Date = Date()) async throws {
        try await LoginThrottleStore.prune(db: app.db, at: now)
        try await FailedLookups.prune(db: app.db, at: now)
        try await AccountSessions.prune(db: app.db, timeouts: app.config.sessionTimeouts, at: now)
        let today = CalendarDay(now)
        try await AuditLog.appendPendingBatchIfDue(on: app.db, now: now)
        try await SurveyResponseDailyAudit.appendCounts(before: today, on: app.db)
        let open = try await ConcernRecord.query(on: app.db).filter(\.$status != ConcernStatus.closed.rawValue).all()
        let store = ConcernStore(db: app.db, clocks: app.config.concernClocks)
        let notifier = ConcernNotifier(db: app.db, siteURL: app.siteURL)
        for concern in try await store.restoreAll(open) where concern.overdue(on: today).isOverdue {
            try await notifier.overdue(concern, on: today)
        }
        try await ISFReviewJob.run(on: app.db, today: today)
        try await ReviewNotices.run(app, today: today)
        try await SelfAssessmentNoticeJob.run(on: app.db, today: today, siteURL: app.siteURL)
        let retention = try await RetentionSettings.policy(defaults: app.retentionDefaults, on: app.db)
        if let run = try await RetentionPurge(db: app.db).runIfDue(policy: retention, today: today) {
            app.logger.info("retention purge: \(run.total) records deleted or anonymised")
        }
        for (record, round) in try await app.surveyCatalog.allRounds() {
            guard let recorded = SurveyRoundState(rawValue: record.recordedState),
                  let event = round.stateChangeEvent(since: recorded, on: today) else { continue }
            try await app.db.audited(actor: "system:calendar") { db in
                record.recordedState = round.state(on: today).rawValue
                try await record.update(on: db)
                return ((), [event] + (try await SurveyAdministration.freezeIfInUse(round, today: today, on: db)))
            }
        }
    }
}

enum BackgroundJobsKey: StorageKey { typealias Value = BackgroundJobs }

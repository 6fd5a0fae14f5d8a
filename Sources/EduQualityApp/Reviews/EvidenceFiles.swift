import Crypto
import EduQualityDomain
import Fluent
import Foundation
import Vapor

/// Evidence files on disk: checked by their bytes (`EvidenceFileType.check`), written under a
/// random name in the evidence folder (never served by the static file middleware), and read back
/// only through `/quality/evidence/ID` for those who may read the requirement.
enum EvidenceFiles {
    struct Upload: Sendable {
        let type: EvidenceFileType
        let name: String
        let bytes: [UInt8]
    }

    /// The file as checked; nil when none was chosen (an empty part with no name).
    static func checked(_ file: File?) throws(InvalidForm) -> Upload? {
        guard let file, !(file.filename.isEmpty && file.data.readableBytes == 0) else { return nil }
        let bytes = Array(file.data.readableBytesView)
        let (type, name) = try EvidenceFileType.check(name: file.filename, bytes: bytes)
        return Upload(type: type, name: name, bytes: bytes)
    }

    static func directory(_ app: Application) -> String { app.config.evidenceDirectory }

    /// Writes the bytes under a fresh random name and returns the row to store with the update.
    static func store(_ upload: Upload, for row: RequirementRecord, _ requirement: Requirement, by actor: String,
                      _ app: Application) throws -> EvidenceFileRecord {
        let folder = directory(app)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let stored = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        guard FileManager.default.createFile(atPath: folder + "/" + stored, contents: Data(upload.bytes),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw Abort(.internalServerError, reason: "could not write an evidence file")
        }
        let record = EvidenceFileRecord()
        record.id = UUID()
        record.requirementID = try row.requireID()
        record.organisationCode = requirement.organisation
        record.regionCode = requirement.region
        record.originalName = upload.name
        record.fileType = upload.type.rawValue
        record.size = upload.bytes.count
        record.sha256 = SHA256.hash(data: upload.bytes).map { String(format: "%02x", $0) }.joined()
        record.storedName = stored
        record.uploadedBy = actor
        record.uploadedAt = Date()
        return record
    }

    /// Removes a written file whose database row did not commit.
    static func discard(_ record: EvidenceFileRecord, _ app: Application) {
        try? FileManager.default.removeItem(atPath: directory(app) + "/" + record.storedName)
    }

    static func forRequirement(_ record: RequirementRecord, on db: any Database) async throws -> [EvidenceFileRecord] {
        try await EvidenceFileRecord.query(on: db).filter(\.$requirementID == record.requireID()).sort(\.$uploadedAt).all()
    }

    /// The download: only for those who may read the requirement; as an attachment, with the type
    /// found from its bytes and no sniffing by the browser.
    static func download(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let file = try await EvidenceFileRecord.find(id, on: req.db),
              let requirement = try await RequirementRecord.find(file.requirementID, on: req.db) else {
            throw req.signedIn == nil ? AppError.unauthorised : AppError.notFound("There is no such evidence file")
        }
        _ = try await RequirementStore.find(requirement.reference, allowing: nil, req)
        let path = directory(req.application) + "/" + file.storedName
        guard let data = FileManager.default.contents(atPath: path) else { throw AppError.notFound("The evidence file is missing") }
        let type = EvidenceFileType(rawValue: file.fileType) ?? .pdf
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: String(type.mediaType.split(separator: "/")[0]),
                                            subType: String(type.mediaType.split(separator: "/")[1]))
        let ascii = String(file.originalName.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = file.originalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

import Foundation

/// The receipt secret when `RECEIPT_SECRET` is not set: 32 random bytes made on first start and
/// kept, readable by the service's user only, in `receipt-secret` in the data folder, so that
/// receipt codes still match after a restart. Several instances serving one site must share it,
/// or set `RECEIPT_SECRET`; losing it makes every receipt code unmatchable.
struct ReceiptSecretFile {
    static let name = "receipt-secret"
    let directory: String

    var path: String { directory + "/" + Self.name }

    func secret() throws -> [UInt8] {
        // An existing file is never replaced: a new secret would orphan every receipt code.
        if FileManager.default.fileExists(atPath: path) {
            guard let stored = try? String(contentsOfFile: path, encoding: .utf8),
                  let bytes = Self.bytes(hex: stored.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ConfigError("\(path) does not hold a receipt secret (64 hexadecimal digits); restore it from a backup or set RECEIPT_SECRET")
            }
            return bytes
        }
        let secret = AppConfig.randomSecret()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let hex = secret.map { String(format: "%02x", $0) }.joined() + "\n"
            guard FileManager.default.createFile(atPath: path, contents: Data(hex.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ConfigError("could not write \(path)")
            }
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError("could not write the receipt secret to \(path): \(error.localizedDescription)")
        }
        return secret
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var out: [UInt8] = []
        for i in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}

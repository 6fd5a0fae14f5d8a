import EduQualityDomain
import Vapor

/// How a receipt code is stored: HMAC-SHA-256 of its canonical symbols under the server's receipt
/// secret (`RECEIPT_SECRET`), in hex. The code's 80 random secret bits are the barrier against
/// guessing, so a slow hash adds nothing but cost; the key means the stored digests alone, without
/// the secret, cannot even be checked against a guess. Equal codes give equal digests, so the
/// digest is the look-up key itself (a unique index), and finding a concern takes constant time.
struct ReceiptDigest: Sendable {
    private let key: SymmetricKey

    init(secret: [UInt8]) { key = SymmetricKey(data: secret) }

    func digest(_ code: ReceiptCode) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(("receipt-code|" + code.canonical).utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}

extension Request {
    var receiptDigest: ReceiptDigest { ReceiptDigest(secret: config.receiptSecret) }
}

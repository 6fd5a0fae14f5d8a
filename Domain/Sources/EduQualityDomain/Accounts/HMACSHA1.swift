/// HMAC (RFC 2104) over SHA-1, as TOTP (RFC 6238 over RFC 4226) computes it.
public enum HMACSHA1 {
    public static func code(key: [UInt8], message: [UInt8]) -> [UInt8] {
        // Keys longer than a block are hashed first; shorter ones are padded with zeros.
        var block = key.count > SHA1.blockSize ? SHA1.hash(key) : key
        block += [UInt8](repeating: 0, count: SHA1.blockSize - block.count)
        let inner = SHA1.hash(block.map { $0 ^ 0x36 } + message)
        return SHA1.hash(block.map { $0 ^ 0x5C } + inner)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal SMTP client for handing notices to a mail relay (`SMTP_HOST`, `SMTP_PORT`,
/// `SMTP_FROM`), typically one on the same host or network that handles onward delivery. It
/// speaks plain SMTP (EHLO, MAIL, RCPT, DATA) with blocking sockets: run it off the event loops.
struct SMTPClient: Sendable {
    let host: String
    let port: Int
    let from: String
    let timeoutSeconds: Int

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Message: Sendable {
        let to: String
        let subject: String
        let body: String
    }

    func send(_ message: Message) throws {
        let fd = try connect()
        defer { close(fd) }
        var reader = LineReader(fd: fd)
        try expect(&reader, 220)
        try command(fd, &reader, "EHLO eduquality", 250)
        try command(fd, &reader, "MAIL FROM:<\(Self.address(from))>", 250)
        try command(fd, &reader, "RCPT TO:<\(Self.address(message.to))>", 250, 251)
        try command(fd, &reader, "DATA", 354)
        let date = DateFormatter.rfc5322.string(from: Date())
        var data = "From: \(Self.header(from))\r\nTo: \(Self.header(message.to))\r\nSubject: \(Self.header(message.subject))\r\n"
        data += "Date: \(date)\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        // Dot-stuffing: a line starting with "." gets another, so it cannot end the message early.
        for line in message.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            data += (line.hasPrefix(".") ? "." : "") + line + "\r\n"
        }
        try write(fd, data + ".\r\n")
        try expect(&reader, 250)
        try? write(fd, "QUIT\r\n")
    }

    /// Addresses and headers never carry line breaks or angle brackets from data.
    static func address(_ s: String) -> String { s.filter { !"\r\n<>".contains($0) } }
    static func header(_ s: String) -> String { s.filter { $0 != "\r" && $0 != "\n" } }

    private func connect() throws -> Int32 {
        var hints = addrinfo(ai_flags: 0, ai_family: AF_UNSPEC, ai_socktype: Int32(SOCK_STREAM.rawValue), ai_protocol: 0,
                             ai_addrlen: 0, ai_addr: nil, ai_canonname: nil, ai_next: nil)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw Failure(description: "cannot resolve mail relay \(host)")
        }
        defer { freeaddrinfo(result) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                close(fd)
            }
            cursor = info.pointee.ai_next
        }
        throw Failure(description: "cannot connect to mail relay \(host):\(port)")
    }

    private func write(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "the mail relay closed the connection") }
            sent += n
        }
    }

    private func command(_ fd: Int32, _ reader: inout LineReader, _ line: String, _ codes: Int...) throws {
        try write(fd, line + "\r\n")
        try expect(&reader, codes)
    }

    private func expect(_ reader: inout LineReader, _ codes: Int...) throws { try expect(&reader, codes) }

    /// Reads one reply (multi-line replies have a "-" after the code until the last line).
    private func expect(_ reader: inout LineReader, _ codes: [Int]) throws {
        while true {
            guard let line = try reader.next() else { throw Failure(description: "the mail relay closed the connection") }
            let code = Int(line.prefix(3)) ?? 0
            if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            guard codes.contains(code) else { throw Failure(description: "the mail relay answered: \(line)") }
            return
        }
    }

    struct LineReader {
        let fd: Int32
        var buffer: [UInt8] = []

        mutating func next() throws -> String? {
            while true {
                if let i = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<i], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    buffer.removeSubrange(...i)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 1024)
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 1024, 0) }
                if n <= 0 { return nil }
                buffer += chunk[..<n]
            }
        }
    }
}

extension DateFormatter {
    static let rfc5322: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f
    }()
}

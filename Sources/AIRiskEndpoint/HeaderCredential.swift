import Foundation

/// A request header whose value is a secret read from an environment variable or a file, so it
/// never appears on the command line, in a report or in a log.
package struct HeaderCredential: Sendable, Equatable {
    package enum Source: Sendable, Equatable {
        case environment(String)
        case file(String)
    }

    package var name: String
    package var source: Source

    /// Parses `NAME=ENVVAR` (`--header-env`) or `NAME=PATH` (`--header-file`).
    package static func parse(_ spec: String, fromFile: Bool) throws(EndpointError) -> HeaderCredential {
        let flag = fromFile ? "--header-file" : "--header-env"
        guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
            throw .badOption(
                option: flag, value: "'\(spec)'",
                requirement: "it takes HEADER=\(fromFile ? "PATH" : "ENVVAR"), e.g. "
                    + "Authorization=\(fromFile ? "token.txt" : "MY_TOKEN")")
        }
        let name = String(spec[..<eq]).trimmingCharacters(in: .whitespaces)
        let ref = String(spec[spec.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        guard name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }) else {
            throw .badOption(option: flag, value: "'\(name)'", requirement: "it is not a valid header name")
        }
        return HeaderCredential(name: name, source: fromFile ? .file(ref) : .environment(ref))
    }

    /// The header value. A file's trailing newline is dropped; `Bearer` prefixes are the user's to add.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(EndpointError) -> String {
        let value: String
        switch source {
        case .environment(let variable):
            guard let v = environment[variable], !v.isEmpty else {
                throw .credential(header: name, source: source, problem: .unset)
            }
            value = v
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                throw .credential(header: name, source: source, problem: .unreadable)
            }
            value = text.trimmingCharacters(in: .newlines)
            guard !value.isEmpty else { throw .credential(header: name, source: source, problem: .empty) }
        }
        guard !value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            throw .credential(header: name, source: source, problem: .lineBreak)
        }
        return value
    }
}

import Foundation
import Testing

@testable import AIRiskCLI

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
private let hostile = root.appendingPathComponent("Tests/Fixtures/hostile")

/// Runs a command line in-process with its terminal output captured.
private func captured(_ arguments: [String]) async -> (status: Int32, out: [UInt8], err: [UInt8]) {
    let capture = TerminalOutput.Capture()
    let status = await TerminalOutput.Capture.$current.withValue(capture) {
        await AIRiskCommand.run(arguments: arguments)
    }
    return (status, capture.standardOutput, capture.standardError)
}

/// The raw bytes a terminal would act on: C0 controls other than newline and tab, DEL, C1 controls in UTF-8
/// (C2 80…C2 9F) and the bidirectional overrides (E2 80 AA…AE, E2 81 A6…A9).
private func rawControls(_ bytes: [UInt8]) -> [String] {
    var found: [String] = []
    for (i, b) in bytes.enumerated() {
        if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F { found.append(String(format: "0x%02X at %d", b, i)) }
        if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1 at \(i)") }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0xAA...0xAE).contains(bytes[i + 2]) {
            found.append("bidi override at \(i)")
        }
    }
    return found
}

@Suite("Terminal output")
struct TerminalOutputTests {
    @Test("control characters are shown escaped; newlines and tabs stay")
    func sanitizes() {
        #expect(TerminalOutput.sanitized("a\u{1B}[2Jb\u{7}c") == "a\\u{1B}[2Jb\\u{7}c")
        #expect(TerminalOutput.sanitized("x\ry") == "x\\u{D}y")
        #expect(TerminalOutput.sanitized("\u{9B}31m \u{202E}abc \u{7F}") == "\\u{9B}31m \\u{202E}abc \\u{7F}")
        #expect(TerminalOutput.sanitized("line 1\n\tline 2 日本語 🙂") == "line 1\n\tline 2 日本語 🙂")
    }

    @Test("inspect shows hostile producer, input and output names escaped", arguments: ["text", "json"])
    func inspectHostileNames(format: String) async {
        let model = hostile.appendingPathComponent("hostile_names.onnx").path
        let (status, out, err) = await captured(["inspect", model, "--format", format])
        #expect(status == 0, "\(String(decoding: err, as: UTF8.self))")
        #expect(rawControls(out).isEmpty, "\(rawControls(out))")
        #expect(rawControls(err).isEmpty)
        let text = String(decoding: out, as: UTF8.self)
        if format == "text" {
            #expect(text.contains("evil\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"), "\(text)")
            #expect(text.contains("x\\u{1B}[31m\\u{202E}"))
            #expect(text.contains("y\\u{7}"))
        } else {
            #expect(text.contains("evil\\u001b]0;pwned\\u0007\\u001b[2J"), "\(text)")
            #expect(text.contains("6.6\\u009b31m"))
        }
    }

    @Test("a model file name with escape sequences is shown escaped")
    func hostileFileName() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("model\u{1B}]0;pwned\u{7}.onnx")
        try FileManager.default.copyItem(at: hostile.appendingPathComponent("hostile_names.onnx"), to: model)
        let (status, out, _) = await captured(["inspect", model.path])
        #expect(status == 0)
        #expect(rawControls(out).isEmpty, "\(rawControls(out))")
        #expect(String(decoding: out, as: UTF8.self).contains("model\\u{1B}]0;pwned\\u{7}.onnx"))
        // An error naming the file goes through the same sanitiser.
        let missing = dir.appendingPathComponent("gone\u{1B}[2J.onnx").path
        let failed = await captured(["inspect", missing])
        #expect(failed.status == 1)
        #expect(rawControls(failed.err).isEmpty, "\(rawControls(failed.err))")
        #expect(String(decoding: failed.err, as: UTF8.self).contains("gone\\u{1B}[2J.onnx"))
    }

    @Test("an error naming a hostile operator type reaches stderr escaped")
    func hostileOperatorError() async {
        let model = hostile.appendingPathComponent("hostile_operator.onnx").path
        let (status, out, err) = await captured(["predict", model, model])
        let message = String(decoding: err, as: UTF8.self)
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(!err.contains(0x1B) && !err.contains(0x07), "\(message)")
        #expect(rawControls(err).isEmpty)
        #expect(message.contains("Relu\\u{1B}[2J\\u{7}"), "\(message)")
        // inspect lists it as unsupported, escaped too.
        let inspected = await captured(["inspect", model])
        #expect(rawControls(inspected.out).isEmpty)
        #expect(String(decoding: inspected.out, as: UTF8.self).contains("Relu\\u{1B}[2J\\u{7}"))
    }

    @Test("help and usage errors go through the sanitiser too")
    func usageError() async {
        let (status, _, err) = await captured(["inspect", "--format", "x\u{1B}[2J"])
        #expect(status != 0)
        #expect(rawControls(err).isEmpty, "\(String(decoding: err, as: UTF8.self))")
    }

    @Test("nothing in AIRiskCLI writes to the terminal except TerminalOutput")
    func oneWayOut() throws {
        let sources = root.appendingPathComponent("Sources/AIRiskCLI")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("TerminalOutput.swift") }
        #expect(files.count > 10)
        let forbidden = try Regex(#"(^|[^.\w])(print|fputs|puts|putchar|dprintf)\(|FileHandle\.standard(Error|Output)"#)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(forbidden) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                Issue.record("\(file):\(n + 1) writes to the terminal around TerminalOutput: \(line)")
            }
        }
    }
}

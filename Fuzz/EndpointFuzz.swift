// libFuzzer target: everything that reads what a live endpoint or a model command sends back — the
// JSON parser, both wire protocols' answer decoders, the KServe V2 metadata reader, the output
// interpreter, the JSON-lines reader of `--model-cmd`, the Retry-After header, and the credential
// redactor (no masked body or snippet may still reveal a secret). No network.
// Built by scripts/fuzz.sh; not part of the SwiftPM package.
//
// Input: three configuration bytes, then the body.
//   byte 0: rows asked for (1...8) and how the body is chunked for the line reader
//   byte 1: the output name (none, or one of `outputNames`) and whether the user asked for it
//   byte 2: the class count for top-k answers (none, or 1...16) and the predictions key
import AIRiskSupport
import Foundation

@testable import AIRiskEndpoint

let outputNames = ["predict_proba", "predict", "probabilities", "scores", "output-0"]
let fixedNow = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT

/// Credentials a hostile body may try to smuggle past the redactor (no brackets, braces or
/// backslashes, so the mask and the control-character escapes cannot complete one of their pieces).
let redactor = Redactor(secrets: ["Bearer Zq8x/T3vL+p0Wm9kR2", "Basic YWxpY2U6UHc3I2tRMi94WXo5", "Uv5rTq8Lm2Nw"])

/// A harness invariant broke: the decoders accepted something they must not.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("endpoint fuzz invariant: \(message())") }
}

/// What the session does with a decoded answer: interpret it and take the arg-max per row.
func consume(_ answer: Answer, rows: Int) {
    switch answer {
    case .labels(let labels):
        check(labels.count == rows, "\(labels.count) labels for \(rows) rows")
    case .scores(let values, let width):
        check(width > 0 && values.count == rows * width, "\(values.count) scores of width \(width) for \(rows) rows")
        check(EndpointModelAccess.argmax(values, width: width).count == rows, "arg-max count")
    }
    _ = OutputInterpreter.kind(of: answer)
    _ = EndpointModelAccess.describe(answer)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEndpoint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 3 else { return 0 }
    let config = (data[0], data[1], data[2])
    let body = Array(UnsafeBufferPointer(start: data + 3, count: size - 3))
    let rows = 1 + Int(config.0 % 8)
    let chunk = 1 + Int(config.0 / 8) * 7
    let nameIndex = Int(config.1 % 6)
    let outputName = nameIndex == 0 ? nil : outputNames[nameIndex - 1]
    let classes = Int(config.2 % 17)
    let predictionsKey = (config.2 / 17) % 2 == 0 ? "predictions" : "outputs"

    // The parser alone, and structural equality (which recurses like the parser).
    if let value = try? JSONParser.parse(body) {
        check(value == value, "a parsed document differs from itself")
    }

    // Both wire protocols' answer decoders.
    var codecs: [PayloadCodec] = []
    for wire in EndpointProtocol.allCases {
        codecs.append(
            PayloadCodec(
                wireProtocol: wire, inputName: "x", outputName: outputName, outputRequired: (config.1 / 6) % 2 == 0,
                instancesKey: "instances", predictionsKey: predictionsKey, classCount: classes == 0 ? nil : classes))
    }
    for codec in codecs {
        if let answer = try? codec.decode(body, rows: rows) { consume(answer, rows: rows) }
    }

    // KServe V2 metadata, and the set-up request `connect` builds from it.
    if let metadata = KServeMetadata(json: body), let rowShape = metadata.rowShape {
        let width = rowShape.reduce(1, *)
        var codec = codecs[0]
        codec.inputName = metadata.input?.name ?? "input-0"
        if let d = metadata.input?.datatype, d == "FP64" || d == "FP32" { codec.datatype = d }
        _ = try? codec.encode([Float](repeating: 0, count: width)[...], rows: 1, rowShape: rowShape)
    }

    // `--model-cmd`: stdout arrives in chunks, each complete line is one answer.
    let lines = LineQueue(maxLineBytes: 4096)
    let tail = ByteTail(limit: 64)
    var start = 0
    while start < body.count {
        let end = min(body.count, start + chunk)
        lines.feed(Array(body[start..<end]))
        tail.append(Data(body[start..<end]))
        start = end
    }
    lines.feed([])
    _ = String(decoding: tail.bytes, as: UTF8.self)
    var answered = 0
    loop: while let next = lines.poll() {
        switch next {
        case .line(let line):
            check(line.count <= lines.maxLineBytes && !line.contains(0x0A), "a line of \(line.count) bytes")
            if let answer = try? codecs[1].decode(line, rows: rows) { consume(answer, rows: rows) }
            answered += 1
        case .endOfFile, .lineTooLong, .timedOut:
            break loop
        }
    }
    check(answered <= body.count + 1, "more lines than bytes")

    // The redactor: a masked body and a cut snippet reveal no secret, and the snippet no control character.
    let text = String(decoding: body, as: UTF8.self)
    check(!redactor.reveals(redactor(text)), "a masked body still reveals a secret")
    let snippet = redactor.snippet(body, limit: 1 + Int(config.2 % 200))
    check(!redactor.reveals(snippet), "a snippet reveals a secret")
    check(!snippet.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "a raw control")

    // Retry-After: the body's first line as the header value.
    let header = String(decoding: body.prefix(while: { $0 != 0x0A }).prefix(200), as: UTF8.self)
    let policy = RetryPolicy(EndpointLimits())
    if let after = try? policy.retryAfter(header: header, status: 503, now: fixedNow) {
        check(after >= 0 && after <= policy.maxRetryAfter, "Retry-After \(after) s accepted")
        let seconds = policy.delay(afterAttempt: 3, retryAfter: after, unit: 0.5)
        _ = Int64(seconds * 1e9)
    }
    return 0
}

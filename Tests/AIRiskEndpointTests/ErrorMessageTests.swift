import Testing

@testable import AIRiskEndpoint

/// Every structured answer and model-command problem names its values in its message, and redaction reaches
/// every text it carries.
@Suite("Endpoint error messages")
struct ErrorMessageTests {
    static let problems: [(ResponseProblem, [String])] = [
        (
            .notJSON(parserMessage: "invalid JSON at offset 7", bytes: 12, head: "<html>"),
            ["offset 7", "12 bytes", "<html>"]
        ),
        (.reportedError("model not loaded"), ["reported an error", "model not loaded"]),
        (.noOutputs(found: "object with keys: foo"), ["'outputs'", "keys: foo"]),
        (.noSuchOutput(name: "probs", available: ["logits", "label"]), ["'probs'", "logits, label", "--output-name"]),
        (.noData(output: "probs"), ["'probs'", "'data'"]),
        (.shapeMismatch(output: "probs", shape: "3, 2", rows: 4), ["'probs'", "[3, 2]", "4 rows"]),
        (.bytesOutput(output: "names"), ["'names'", "BYTES", "--output-name"]),
        (.labelCount(output: "label", count: 5, rows: 4), ["'label'", "5 values", "4 rows"]),
        (.noPredictions(key: "preds", found: "object with keys: x"), ["'preds'", "keys: x", "--predictions-key"]),
        (.predictionsNotArray(key: "preds", type: "a string"), ["'preds'", "a string", "array"]),
        (.predictionCount(count: 3, rows: 4), ["3 predictions", "4 rows"]),
        (.raggedRows(key: "predictions", first: 3, other: 2), ["'predictions'", "3 and 2 values"]),
        (.topKNeedsClassCount, ["top classes", "classCount"]),
        (.notTopK(row: 5), ["row 5", "top-k"]),
        (.topKMismatch(row: 2, classes: 3, scores: 2, classCount: 10), ["row 2", "3 classes", "2 scores", "0..<10"]),
        (.noSuchMember(name: "p", members: ["a", "b"]), ["'p'", "a, b", "--output-name"]),
        (.ambiguousMembers(["x", "y"]), ["x, y", "--output-name"]),
        (.notAClassIndex(output: "label", type: "a string"), ["'label'", "a string", "class index"]),
        (.valueCount(output: "probs", count: 7, rows: 2), ["'probs'", "7 values", "2 rows"]),
        (.notANumber(output: "probs", type: "an object"), ["'probs'", "an object", "number"]),
        (.labelsAfterScores, ["labels", "scores at set-up"]),
        (.widthChanged(width: 3, atSetUp: 2), ["3 values per row", "2 at set-up"]),
    ]

    @Test("each answer problem names what is wrong and its values", arguments: 0..<problems.count)
    func responseMessages(index: Int) {
        let (problem, parts) = Self.problems[index]
        let text = EndpointError.badResponse(problem).description
        #expect(text.hasPrefix("endpoint answer unusable: "), "\(text)")
        for part in parts { #expect(text.contains(part), "\(text) lacks \(part)") }
    }

    @Test("each model-command failure names the command, what happened and the stderr tail")
    func commandMessages() {
        let cases: [(CommandFailure.Event, [String])] = [
            (.noPipe(reason: "Too many open files"), ["pipe", "Too many open files"]),
            (.cannotStart(reason: "No such file or directory"), ["cannot start", "No such file or directory"]),
            (.exited(status: 3), ["exited with status 3", "before answering"]),
            (.exited(status: nil), ["exited before answering"]),
            (.timedOut(seconds: 2.5), ["within 2.5 s", "--timeout"]),
            (.lineTooLong(maxBytes: 1024), ["longer than 1024 bytes"]),
            (.failed(reason: "broken pipe"), ["broken pipe"]),
        ]
        for (event, parts) in cases {
            let text = EndpointError.command(CommandFailure(command: "model --serve", event: event, stderrTail: "oops"))
                .description
            #expect(text.hasPrefix("model command: "), "\(text)")
            for part in parts + ["model --serve", "stderr tail:\noops"] {
                #expect(text.contains(part), "\(text) lacks \(part)")
            }
        }
        let empty = CommandFailure(command: "m", event: .exited(status: 1), stderrTail: "").description
        #expect(empty.contains("stderr was empty"), "\(empty)")
        let uncollected = CommandFailure(command: "m", event: .cannotStart(reason: "x")).description
        #expect(!uncollected.contains("stderr"), "\(uncollected)")
    }

    @Test("redaction masks secrets in every text of an answer problem and a command failure")
    func redaction() {
        let secret = "s3cr3t-token-value"
        let redactor = Redactor(secrets: [secret])
        let problems: [ResponseProblem] = [
            .notJSON(parserMessage: "bad \(secret)", bytes: 1, head: secret),
            .reportedError(secret), .noOutputs(found: secret),
            .noSuchOutput(name: secret, available: [secret]), .noSuchMember(name: secret, members: [secret]),
            .ambiguousMembers([secret]), .noPredictions(key: secret, found: secret),
            .shapeMismatch(output: secret, shape: "1", rows: 2),
        ]
        for p in problems {
            let text = EndpointError.badResponse(p).redacted(by: redactor).description
            #expect(!text.contains(secret) && text.contains(Redactor.mask), "\(text)")
        }
        let failure = CommandFailure(command: "m --key \(secret)", event: .failed(reason: secret), stderrTail: secret)
        let text = EndpointError.command(failure).redacted(by: redactor).description
        #expect(!text.contains(secret) && text.contains(Redactor.mask), "\(text)")
    }
}

/// What is wrong with an endpoint's (or model command's) answer: the field or JSON path concerned, what was
/// expected and what came. Texts taken from the answer are masked and escaped by the session before they
/// reach an error.
package enum ResponseProblem: Sendable, Equatable, CustomStringConvertible {
    /// The body is not JSON: the parser's message (with its offset), the body's size and its head.
    case notJSON(parserMessage: String, bytes: Int, head: String)
    /// The answer is an `{"error": …}` object: the error it reports.
    case reportedError(String)
    /// A KServe V2 answer without an `outputs` array; `found` describes what the answer holds.
    case noOutputs(found: String)
    /// `--output-name` names an output the answer does not have; `available` lists the ones it has.
    case noSuchOutput(name: String, available: [String])
    /// A KServe V2 output without `data`.
    case noData(output: String)
    /// A KServe V2 output whose shape does not start with the request's row count.
    case shapeMismatch(output: String, shape: String, rows: Int)
    /// A KServe V2 output of strings (BYTES).
    case bytesOutput(output: String)
    /// An integer output with a value count other than the row count.
    case labelCount(output: String, count: Int, rows: Int)
    /// No predictions member (`key`) in the answer; `found` describes what it holds.
    case noPredictions(key: String, found: String)
    /// The predictions member is not an array.
    case predictionsNotArray(key: String, type: String)
    /// A prediction count other than the row count.
    case predictionCount(count: Int, rows: Int)
    /// Rows of different widths.
    case raggedRows(key: String, first: Int, other: Int)
    /// Top-k answers without a known class count.
    case topKNeedsClassCount
    /// A row that is not a top-k answer like the first row.
    case notTopK(row: Int)
    /// A top-k row whose class and score lists differ in length, or with a class outside `0..<classCount`.
    case topKMismatch(row: Int, classes: Int, scores: Int, classCount: Int)
    /// `--output-name` names a member a prediction object does not have.
    case noSuchMember(name: String, members: [String])
    /// A prediction object where no member is recognisably the scores.
    case ambiguousMembers([String])
    /// A value of another JSON type where a class index was expected.
    case notAClassIndex(output: String, type: String)
    /// A value count that is not a whole number of values per row.
    case valueCount(output: String, count: Int, rows: Int)
    /// A value of another JSON type where a number was expected.
    case notANumber(output: String, type: String)
    /// Labels after scores were answered at set-up.
    case labelsAfterScores
    /// A row width other than the one answered at set-up.
    case widthChanged(width: Int, atSetUp: Int)

    /// The message after "endpoint answer unusable: ": what is wrong, the values, and what to do.
    package var description: String {
        switch self {
        case .notJSON(let message, let bytes, let head): "\(message) (\(bytes) bytes: \(head))"
        case .reportedError(let e): "the endpoint reported an error: \(e)"
        case .noOutputs(let found): "no 'outputs' array in the KServe V2 answer (\(found))"
        case .noSuchOutput(let name, let available):
            "no output named '\(name)' (outputs: \(available.joined(separator: ", "))); choose one with --output-name"
        case .noData(let output): "output '\(output)' has no 'data'"
        case .shapeMismatch(let output, let shape, let rows):
            "output '\(output)' has shape [\(shape)] for a request of \(rows) rows"
        case .bytesOutput(let output):
            "output '\(output)' holds strings (BYTES); choose a numeric output with --output-name"
        case .labelCount(let output, let count, let rows):
            "integer output '\(output)' has \(count) values for \(rows) rows"
        case .noPredictions(let key, let found): "no '\(key)' in the answer (\(found)); set --predictions-key"
        case .predictionsNotArray(let key, let type): "'\(key)' is \(type), not an array of per-row answers"
        case .predictionCount(let count, let rows): "\(count) predictions for a request of \(rows) rows"
        case .raggedRows(let key, let first, let other):
            "rows of different widths in '\(key)' (\(first) and \(other) values)"
        case .topKNeedsClassCount:
            "the answers list only the top classes; the class count is needed to read them (set classCount)"
        case .notTopK(let row): "row \(row) is not a top-k answer like the first row"
        case .topKMismatch(let row, let classes, let scores, let classCount):
            "row \(row): \(classes) classes for \(scores) scores, or a class outside 0..<\(classCount)"
        case .noSuchMember(let name, let members):
            "no '\(name)' in a prediction (members: \(members.joined(separator: ", "))); check --output-name"
        case .ambiguousMembers(let members):
            "cannot tell which member of a prediction holds the scores (members: "
                + "\(members.joined(separator: ", "))); set --output-name"
        case .notAClassIndex(let output, let type): "'\(output)' holds \(type) where a class index was expected"
        case .valueCount(let output, let count, let rows):
            "'\(output)' has \(count) values, not a whole number of values for \(rows) rows"
        case .notANumber(let output, let type): "'\(output)' holds \(type) where a number was expected"
        case .labelsAfterScores: "the endpoint answered with labels after answering with scores at set-up"
        case .widthChanged(let width, let atSetUp):
            "the endpoint answered \(width) values per row, \(atSetUp) at set-up"
        }
    }

    /// The same problem with `transform` applied to every text that came from the answer or the user.
    package func mappingTexts(_ transform: (String) -> String) -> ResponseProblem {
        switch self {
        case .notJSON(let m, let b, let h): .notJSON(parserMessage: transform(m), bytes: b, head: transform(h))
        case .reportedError(let e): .reportedError(transform(e))
        case .noOutputs(let f): .noOutputs(found: transform(f))
        case .noSuchOutput(let n, let a): .noSuchOutput(name: transform(n), available: a.map(transform))
        case .noData(let o): .noData(output: transform(o))
        case .shapeMismatch(let o, let s, let r): .shapeMismatch(output: transform(o), shape: transform(s), rows: r)
        case .bytesOutput(let o): .bytesOutput(output: transform(o))
        case .labelCount(let o, let c, let r): .labelCount(output: transform(o), count: c, rows: r)
        case .noPredictions(let k, let f): .noPredictions(key: transform(k), found: transform(f))
        case .predictionsNotArray(let k, let t): .predictionsNotArray(key: transform(k), type: t)
        case .raggedRows(let k, let f, let o): .raggedRows(key: transform(k), first: f, other: o)
        case .noSuchMember(let n, let m): .noSuchMember(name: transform(n), members: m.map(transform))
        case .ambiguousMembers(let m): .ambiguousMembers(m.map(transform))
        case .notAClassIndex(let o, let t): .notAClassIndex(output: transform(o), type: t)
        case .valueCount(let o, let c, let r): .valueCount(output: transform(o), count: c, rows: r)
        case .notANumber(let o, let t): .notANumber(output: transform(o), type: t)
        case .predictionCount, .topKNeedsClassCount, .notTopK, .topKMismatch, .labelsAfterScores, .widthChanged:
            self
        }
    }
}

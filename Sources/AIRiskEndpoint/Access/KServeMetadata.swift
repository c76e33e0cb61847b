import AIRiskSupport

/// What a KServe V2 model metadata document (`GET /v2/models/NAME`) declares: the model's name,
/// its first input (name, datatype, shape) and the names of its outputs.
struct KServeMetadata: Sendable, Equatable {
    struct Input: Sendable, Equatable {
        var name: String
        /// Upper-cased, `FP32` when not given.
        var datatype: String
        /// As declared; -1 (or any non-positive size) marks a dynamic dimension.
        var shape: [Int]
    }

    var name: String?
    var input: Input?
    var outputs: [String]

    /// Reads a metadata document; nil when it is not JSON at all.
    init?(json body: [UInt8]) {
        guard let json = try? JSONParser.parse(body) else { return nil }
        name = json["name"]?.stringValue
        if let first = json["inputs"]?.arrayValue?.first, let n = first["name"]?.stringValue {
            // A size that is not a whole number an Int can hold counts as dynamic (-1).
            let shape = first["shape"]?.arrayValue?.compactMap { $0.numberValue.map { Int(exactly: $0) ?? -1 } } ?? []
            input = Input(name: n, datatype: first["datatype"]?.stringValue?.uppercased() ?? "FP32", shape: shape)
        }
        outputs = json["outputs"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    /// The shape of one row (the declared input shape without its batch dimension), when the
    /// metadata declares one with fixed sizes and at most ``maxRowValues`` values.
    var rowShape: [Int]? {
        guard let shape = input?.shape, shape.count >= 2 else { return nil }
        let row = Array(shape.dropFirst())
        return Self.valuesPerRow(row) != nil ? row : nil
    }

    /// The most values one input row may have (64 MiB of FP32); the set-up query sends whole rows.
    static let maxRowValues = 1 << 24

    /// The number of values in a row of `shape`, nil when a size is not positive or the row would
    /// have more than ``maxRowValues`` values.
    static func valuesPerRow(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            guard d > 0 else { return nil }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow, p <= maxRowValues else { return nil }
            n = p
        }
        return n
    }
}

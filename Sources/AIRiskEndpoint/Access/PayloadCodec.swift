import AIRiskSupport
import Foundation

/// Writes prediction requests and reads answers in an endpoint's wire format.
struct PayloadCodec: Sendable {
    var wireProtocol: EndpointProtocol
    var inputName: String
    /// KServe V2: FP32 or FP64, as the metadata declares.
    var datatype: String = "FP32"
    var outputName: String?
    /// Whether ``outputName`` was asked for by the user (an error when missing) or only guessed
    /// from the metadata (fall back to the usual choice when missing).
    var outputRequired = true
    var instancesKey: String
    var predictionsKey: String
    /// Class count, to widen top-k answers to one score per class.
    var classCount: Int?

    // MARK: Requests

    /// The request body for `rows` rows of shape `rowShape`, from row-major `values`.
    func encode(_ values: ArraySlice<Float>, rows: Int, rowShape: [Int]) throws(EndpointError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 10 + 128)
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        func number(_ v: Float) throws(EndpointError) {
            guard let text = JSONWriter.number(v) else {
                throw .badOption(
                    option: "input row", value: "\(v)",
                    requirement:
                        "JSON cannot carry a value that is not finite; give --missing-values reject or clean the data")
            }
            put(text)
        }
        switch wireProtocol {
        case .kserveV2:
            put("{\"inputs\":[{\"name\":")
            put(JSONWriter.quote(inputName))
            put(",\"shape\":[\(([rows] + rowShape).map(String.init).joined(separator: ","))]")
            put(",\"datatype\":\"\(datatype)\",\"data\":[")
            var first = true
            for v in values {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                try number(v)
            }
            put("]}]")
            if let outputName { put(",\"outputs\":[{\"name\":\(JSONWriter.quote(outputName))}]") }
            put("}")
        case .instances:
            put("{\(JSONWriter.quote(instancesKey)):")
            let shape = [rows] + rowShape
            var index = values.startIndex
            func nest(_ level: Int) throws(EndpointError) {
                out.append(UInt8(ascii: "["))
                for k in 0..<shape[level] {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    if level == shape.count - 1 {
                        try number(values[index])
                        index += 1
                    } else {
                        try nest(level + 1)
                    }
                }
                out.append(UInt8(ascii: "]"))
            }
            try nest(0)
            put("}")
        }
        return out
    }

    // MARK: Answers

    /// Reads the answer for `rows` rows.
    func decode(_ body: [UInt8], rows: Int) throws(EndpointError) -> Answer {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw .badResponse(.notJSON(parserMessage: "\(error)", bytes: body.count, head: Self.snippet(body)))
        }
        if let e = json["error"], json["outputs"] == nil, json[predictionsKey] == nil {
            throw .badResponse(.reportedError(Self.text(e)))
        }
        switch wireProtocol {
        case .kserveV2: return try decodeV2(json, rows: rows)
        case .instances: return try decodeInstances(json, rows: rows)
        }
    }

    private func decodeV2(_ json: JSONValue, rows: Int) throws(EndpointError) -> Answer {
        guard let outputs = json["outputs"]?.arrayValue, !outputs.isEmpty else {
            throw .badResponse(.noOutputs(found: Self.describe(json)))
        }
        let names = outputs.map { $0["name"]?.stringValue ?? "?" }
        let chosen: JSONValue
        if let outputName, let o = outputs.first(where: { $0["name"]?.stringValue == outputName }) {
            chosen = o
        } else if let outputName, outputRequired {
            throw .badResponse(.noSuchOutput(name: outputName, available: names))
        } else if let o = outputs.first(where: { ($0["name"]?.stringValue ?? "").lowercased().contains("prob") }) {
            chosen = o
        } else {
            chosen = outputs[0]
        }
        let name = chosen["name"]?.stringValue ?? "?"
        let datatype = (chosen["datatype"]?.stringValue ?? "").uppercased()
        guard let data = chosen["data"] else { throw .badResponse(.noData(output: name)) }
        var flat: [JSONValue] = []
        Self.flatten(data, into: &flat)
        if let shape = chosen["shape"]?.arrayValue?.compactMap(\.numberValue), let first = shape.first,
            Int(exactly: first) != rows
        {
            let text = shape.map { Int(exactly: $0).map(String.init) ?? "\($0)" }.joined(separator: ", ")
            throw .badResponse(.shapeMismatch(output: name, shape: text, rows: rows))
        }
        if datatype == "BYTES" {
            throw .badResponse(.bytesOutput(output: name))
        }
        let integral = datatype.hasPrefix("INT") || datatype.hasPrefix("UINT") || datatype == "BOOL"
        if integral {
            guard flat.count == rows else {
                throw .badResponse(.labelCount(output: name, count: flat.count, rows: rows))
            }
            return .labels(try flat.map { v throws(EndpointError) in try Self.label(v, output: name) })
        }
        return try Self.scores(flat, rows: rows, output: name)
    }

    private func decodeInstances(_ json: JSONValue, rows: Int) throws(EndpointError) -> Answer {
        let body: JSONValue
        if case .array = json {
            body = json  // MLflow may answer with a bare list
        } else if let p = json[predictionsKey] {
            body = p
        } else {
            throw .badResponse(.noPredictions(key: predictionsKey, found: Self.describe(json)))
        }
        guard let items = body.arrayValue else {
            throw .badResponse(.predictionsNotArray(key: predictionsKey, type: body.typeName))
        }
        guard items.count == rows else {
            throw .badResponse(.predictionCount(count: items.count, rows: rows))
        }
        if outputName == nil, let first = items.first, Self.topK(first) != nil {
            return try decodeTopK(items)
        }
        var perRow: [JSONValue] = []
        perRow.reserveCapacity(rows)
        for item in items {
            if case .object = item {
                perRow.append(try pick(item))
            } else {
                perRow.append(item)
            }
        }
        if perRow.allSatisfy({ $0.isInteger }) {
            return .labels(try perRow.map { v throws(EndpointError) in try Self.label(v, output: predictionsKey) })
        }
        var flat: [JSONValue] = []
        var width = -1
        for r in perRow {
            let before = flat.count
            Self.flatten(r, into: &flat)
            let w = flat.count - before
            if width < 0 { width = w }
            guard w == width else {
                throw .badResponse(.raggedRows(key: predictionsKey, first: width, other: w))
            }
        }
        return try Self.scores(flat, rows: rows, output: predictionsKey)
    }

    /// Top-k answers (`{"classes": [3, 1], "scores": [0.7, 0.2]}` per row, as TF Serving's classify
    /// and many APIs return): the listed classes get their scores; the others share what is left of
    /// the probability mass evenly (or, for unnormalised scores, sit just below the lowest one).
    private func decodeTopK(_ items: [JSONValue]) throws(EndpointError) -> Answer {
        guard let classes = classCount, classes > 0 else {
            throw .badResponse(.topKNeedsClassCount)
        }
        var values = [Float](repeating: 0, count: items.count * classes)
        for (r, item) in items.enumerated() {
            guard let (indices, scores) = Self.topK(item) else {
                throw .badResponse(.notTopK(row: r))
            }
            guard indices.count == scores.count, indices.allSatisfy({ $0 >= 0 && $0 < classes }) else {
                throw .badResponse(
                    .topKMismatch(row: r, classes: indices.count, scores: scores.count, classCount: classes))
            }
            let normalised = scores.allSatisfy { $0 >= 0 && $0 <= 1 } && scores.reduce(0, +) <= 1 + 1e-4
            let rest = classes - indices.count
            let fill: Float =
                normalised
                ? (rest > 0 ? max(0, 1 - scores.reduce(0, +)) / Float(rest) : 0)
                : (scores.min() ?? 0) - 1
            for c in 0..<classes { values[r * classes + c] = fill }
            for (i, c) in indices.enumerated() { values[r * classes + c] = scores[i] }
        }
        return .scores(values, width: classes)
    }

    /// Whether `v` is an integer literal too large for Int64 (the parser reads it as a double).
    static func isHugeInteger(_ v: JSONValue) -> Bool {
        guard case .double(let d) = v else { return false }
        return d.isFinite && d == d.rounded() && abs(d) >= 0x1p63
    }

    /// The class indices and scores of a top-k prediction object, if it is one.
    static func topK(_ item: JSONValue) -> (indices: [Int], scores: [Float])? {
        guard case .object(let members) = item else { return nil }
        let indexKeys: Set<String> = ["classes", "class_ids", "indices", "labels", "top_k_indices", "top_classes"]
        var indices: [Int]?
        var scores: [Float]?
        for (k, v) in members {
            guard let a = v.arrayValue, !a.isEmpty else { continue }
            if indexKeys.contains(k.lowercased()), a.allSatisfy({ $0.isInteger || isHugeInteger($0) }) {
                // -1 (out of range, so rejected) for an index too large for an Int.
                indices = a.compactMap { $0.numberValue.map { Int(exactly: $0) ?? -1 } }
            } else if scores == nil, a.allSatisfy({ $0.numberValue != nil }),
                a.contains(where: { $0.numberValue != nil && !$0.isInteger })
            {
                scores = a.compactMap { $0.numberValue.map { Float($0) } }
            }
        }
        guard let indices, let scores, indices.count == scores.count else { return nil }
        return (indices, scores)
    }

    private func pick(_ item: JSONValue) throws(EndpointError) -> JSONValue {
        guard case .object(let members) = item else { return item }
        if let outputName {
            guard let v = item[outputName] else {
                throw .badResponse(.noSuchMember(name: outputName, members: members.map(\.0)))
            }
            return v
        }
        for (k, v) in members where k.lowercased().contains("prob") { return v }
        for key in ["scores", "logits"] { if let v = item[key] { return v } }
        if let (_, v) = members.first(where: { if case .array = $0.1 { true } else { false } }) { return v }
        throw .badResponse(.ambiguousMembers(members.map(\.0)))
    }

    // MARK: Helpers

    static func flatten(_ v: JSONValue, into out: inout [JSONValue]) {
        if case .array(let items) = v {
            for i in items { flatten(i, into: &out) }
        } else {
            out.append(v)
        }
    }

    static func label(_ v: JSONValue, output: String) throws(EndpointError) -> Int {
        switch v {
        case .int(let n) where (-999_999_999...999_999_999).contains(n): return Int(n)
        case .double(let d) where d == d.rounded() && abs(d) < 1e9: return Int(d)
        case .bool(let b): return b ? 1 : 0
        default: throw .badResponse(.notAClassIndex(output: output, type: v.typeName))
        }
    }

    static func scores(_ flat: [JSONValue], rows: Int, output: String) throws(EndpointError) -> Answer {
        guard rows > 0, !flat.isEmpty, flat.count % rows == 0 else {
            throw .badResponse(.valueCount(output: output, count: flat.count, rows: rows))
        }
        var values: [Float] = []
        values.reserveCapacity(flat.count)
        for v in flat {
            switch v {
            case .int(let n): values.append(Float(n))
            case .double(let d): values.append(Float(d))
            case .null: values.append(.nan)
            default: throw .badResponse(.notANumber(output: output, type: v.typeName))
            }
        }
        return .scores(values, width: flat.count / rows)
    }

    /// The head of a body for an error message, control characters escaped. The session masks
    /// credentials in the whole message afterwards (pieces cut at the end included).
    static func snippet(_ body: [UInt8]) -> String {
        let s = ControlCharacters.escaped(String(decoding: body.prefix(160), as: UTF8.self), keeping: [])
        return body.count > 160 ? s + "…" : s
    }

    static func text(_ v: JSONValue) -> String {
        if let s = v.stringValue { return ControlCharacters.escaped(String(s.prefix(300)), keeping: []) }
        return describe(v)
    }

    static func describe(_ v: JSONValue) -> String {
        if case .object(let m) = v { return "members: " + m.map(\.0).joined(separator: ", ") }
        return v.typeName
    }
}

import Foundation
import Testing

@testable import AIRiskTensor

/// One neural-kernel fixture written by scripts/make_nn_cases.py: a single ONNX node, its inputs and
/// its expected outputs (inline, or named .pb files of the installed ONNX backend tests).
struct NeuralCase: Decodable {
    struct Attribute: Decodable {
        let value: AttributeValue

        private enum Keys: String, CodingKey { case kind, value }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            switch try c.decode(String.self, forKey: .kind) {
            case "int": value = .int(try c.decode(Int64.self, forKey: .value))
            case "ints": value = .ints(try c.decode([Int64].self, forKey: .value))
            case "float": value = .float(try c.decode(Float.self, forKey: .value))
            case "floats": value = .floats(try c.decode([Float].self, forKey: .value))
            case "string": value = .string(try c.decode(String.self, forKey: .value))
            case "strings": value = .strings(try c.decode([String].self, forKey: .value))
            case let kind:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "kind \(kind)")
            }
        }
    }

    struct TensorRef: Decodable {
        let type: String?
        let shape: [Int]?
        let data: [Double]?
        let pb: String?
    }

    let name: String
    let source: String
    let opType: String
    let opset: Int
    let inputNames: [String]
    let outputNames: [String]
    let attributes: [String: Attribute]
    let inputs: [TensorRef?]
    let outputs: [TensorRef?]
    let directory: String?

    var node: Node {
        Node(
            name: name, opType: opType, inputs: inputNames, outputs: outputNames,
            attributes: attributes.mapValues(\.value))
    }

    func tensor(_ ref: TensorRef?) throws -> Tensor? {
        guard let ref else { return nil }
        if let pb = ref.pb {
            let dir = try #require(directory)
            let url = NeuralFixtures.officialRoot.appendingPathComponent(dir).appendingPathComponent(pb)
            return try TensorProtoReader.read(Data(contentsOf: url))
        }
        let shape = try #require(ref.shape)
        let data = try #require(ref.data)
        if ref.type == "int64" { return Tensor(shape: shape, int64: data.map { Int64($0) }) }
        return Tensor(shape: shape, scalars: data.map { Float($0) })
    }

    func inputTensors() throws -> [Tensor?] { try inputs.map { try tensor($0) } }
    func expectedOutputs() throws -> [Tensor?] { try outputs.map { try tensor($0) } }
}

enum NeuralFixtures {
    static let officialRoot = URL(fileURLWithPath: "/usr/share/libonnx-testdata/data/node")
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nn")
    static let officialDataInstalled = FileManager.default.fileExists(atPath: officialRoot.path)

    /// Fixture names whose operator is `opType`, optionally only from one source.
    static func names(opType: String, source: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file -> String? in
            guard let c = try? load(String(file.dropLast(5))), c.opType == opType, c.source == source else {
                return nil
            }
            return c.name
        }
    }

    static func load(_ name: String) throws -> NeuralCase {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(NeuralCase.self, from: data)
    }

    /// Runs a fixture through `kernel` and compares every expected output (rtol 1e-3, atol 1e-5).
    static func check(_ name: String, kernel: any Kernel.Type) throws {
        let c = try load(name)
        let k = try kernel.init(node: c.node, opset: c.opset)
        let got = try k.forward(c.inputTensors()).outputs
        for (i, expected) in try c.expectedOutputs().enumerated() {
            guard let expected else { continue }
            try #require(i < got.count, "\(name): output \(i) missing")
            expectClose(got[i], expected, "\(name) output \(i)")
        }
    }
}

func expectClose(
    _ got: Tensor, _ expected: Tensor, _ label: String, rtol: Float = 1e-3, atol: Float = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        got.shape == expected.shape, "\(label): shape \(got.shape) vs \(expected.shape)", sourceLocation: sourceLocation
    )
    if let e = expected.int64s {
        #expect(got.int64s == e, "\(label): indices differ", sourceLocation: sourceLocation)
        return
    }
    guard let g = got.floats, let e = expected.floats, g.count == e.count else {
        Issue.record("\(label): element type or count differs", sourceLocation: sourceLocation)
        return
    }
    var worst = 0
    var bad = 0
    for i in 0..<g.count where !(abs(g[i] - e[i]) <= atol + rtol * abs(e[i])) {
        if bad == 0 { worst = i }
        bad += 1
    }
    let first = bad > 0 ? "\(g[worst]) vs \(e[worst])" : ""
    #expect(
        bad == 0, "\(label): \(bad) of \(g.count) differ, first at \(worst): \(first)",
        sourceLocation: sourceLocation)
}

/// A minimal ONNX TensorProto decoder for the backend-test .pb files: dims (field 1), data_type (2),
/// float_data (4), int32_data (5), int64_data (7) and raw_data (9); float32, int32 and int64 only.
enum TensorProtoReader {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func read(_ data: Data) throws -> Tensor {
        let bytes = [UInt8](data)
        var i = 0
        func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard i < bytes.count else { throw Failure(description: "truncated varint") }
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7f) << shift
                if b < 0x80 { return result }
                shift += 7
            }
        }
        var dims: [Int] = []
        var dataType = 0
        var floats: [Float] = []
        var ints: [Int64] = []
        var raw: [UInt8] = []
        while i < bytes.count {
            let key = try varint()
            let field = key >> 3, wire = key & 7
            switch (field, wire) {
            case (1, 0): dims.append(Int(Int64(bitPattern: try varint())))
            case (2, 0): dataType = Int(try varint())
            case (5, 0), (7, 0): ints.append(Int64(bitPattern: try varint()))
            case (4, 5):
                floats += littleEndianFloats(Array(bytes[i..<(i + 4)]))
                i += 4
            case (_, 2):
                let length = Int(try varint())
                let body = Array(bytes[i..<(i + length)])
                i += length
                switch field {
                case 1:
                    var j = 0
                    while j < body.count {
                        var v: UInt64 = 0
                        var shift: UInt64 = 0
                        while true {
                            let b = body[j]
                            j += 1
                            v |= UInt64(b & 0x7f) << shift
                            if b < 0x80 { break }
                            shift += 7
                        }
                        if field == 1 { dims.append(Int(Int64(bitPattern: v))) }
                    }
                case 4: floats += littleEndianFloats(body)
                case 5, 7:
                    var j = 0
                    while j < body.count {
                        var v: UInt64 = 0
                        var shift: UInt64 = 0
                        while true {
                            let b = body[j]
                            j += 1
                            v |= UInt64(b & 0x7f) << shift
                            if b < 0x80 { break }
                            shift += 7
                        }
                        ints.append(field == 5 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v))
                    }
                case 9: raw = body
                default: break
                }
            case (_, 0): _ = try varint()
            case (_, 1): i += 8
            case (_, 5): i += 4
            default: throw Failure(description: "unsupported wire type \(wire)")
            }
        }
        let count = dims.reduce(1, *)
        switch dataType {
        case 1:
            if !raw.isEmpty { floats = littleEndianFloats(raw) }
            guard floats.count == count else { throw Failure(description: "float count \(floats.count) vs \(dims)") }
            return Tensor(shape: dims, scalars: floats)
        case 6, 7:
            if !raw.isEmpty {
                let width = dataType == 6 ? 4 : 8
                ints = (0..<(raw.count / width)).map { k in
                    var v: UInt64 = 0
                    for b in 0..<width { v |= UInt64(raw[width * k + b]) << (8 * UInt64(b)) }
                    return width == 4 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v)
                }
            }
            guard ints.count == count else { throw Failure(description: "int count \(ints.count) vs \(dims)") }
            return Tensor(shape: dims, int64: ints)
        default:
            throw Failure(description: "unsupported data_type \(dataType)")
        }
    }
}

private func littleEndianFloats(_ bytes: [UInt8]) -> [Float] {
    (0..<(bytes.count / 4)).map { k in
        Float(
            bitPattern: UInt32(bytes[4 * k]) | UInt32(bytes[4 * k + 1]) << 8
                | UInt32(bytes[4 * k + 2]) << 16 | UInt32(bytes[4 * k + 3]) << 24)
    }
}

/// SplitMix64: a small seeded generator for reproducible test inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Tensor {
    /// A float tensor of uniform values in [low, high) from `rng`.
    static func random(_ shape: [Int], _ rng: inout SplitMix64, low: Float = -1, high: Float = 1) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float.random(in: low..<high, using: &rng) })
    }
}

/// Checks a kernel's backward pass against central finite differences of the scalar loss
/// L = Σ_k ⟨c_k, y_k⟩ with seeded random projections c_k of every float output.
///
/// `check` lists the input positions to verify; every element is perturbed when the input is
/// small, otherwise a seeded sample of `samples` elements. With `skipKinks` (for piecewise-linear
/// activations and clipping), elements whose one-sided differences disagree, because a kink lies
/// within ±epsilon, are left out; at least half of the sampled elements must still be compared.
func expectGradientsMatchFiniteDifferences(
    kernel: any Kernel, inputs: [Tensor?], check: [Int], outputs: [Int]? = nil, epsilon: Float = 1e-2,
    rtol: Double = 2e-2, atol: Double = 2e-3, samples: Int = 40, seed: UInt64 = 7, skipKinks: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var rng = SplitMix64(seed: seed)
    let forward = try kernel.forward(inputs)
    let used = outputs ?? Array(forward.outputs.indices)
    var projections: [Tensor?] = Array(repeating: nil, count: forward.outputs.count)
    for k in used where forward.outputs[k].floats != nil {
        projections[k] = .random(forward.outputs[k].shape, &rng)
    }
    func loss(_ xs: [Tensor?]) throws -> Double {
        let ys = try kernel.forward(xs).outputs
        var total = 0.0
        for k in used {
            guard let c = projections[k]?.floats, let y = ys[k].floats else { continue }
            for i in 0..<y.count { total += Double(c[i]) * Double(y[i]) }
        }
        return total
    }
    let base = try loss(inputs)
    let grads = try kernel.backward(inputs: inputs, forward: forward, outputGradients: projections)
    for index in check {
        guard let input = inputs[index], let values = input.floats else { continue }
        let analytic = try #require(
            grads[index]?.floats, "no gradient for input \(index)", sourceLocation: sourceLocation)
        #expect(analytic.count == values.count, sourceLocation: sourceLocation)
        var positions = Array(0..<values.count)
        if positions.count > samples {
            positions.shuffle(using: &rng)
            positions = Array(positions.prefix(samples))
        }
        var compared = 0
        for p in positions {
            var plus = inputs, minus = inputs
            var up = values, down = values
            up[p] += epsilon
            down[p] -= epsilon
            plus[index] = Tensor(shape: input.shape, scalars: up)
            minus[index] = Tensor(shape: input.shape, scalars: down)
            let lossUp = try loss(plus), lossDown = try loss(minus)
            let numeric = (lossUp - lossDown) / Double(up[p] - down[p])
            if skipKinks {
                let right = (lossUp - base) / Double(up[p] - values[p])
                let left = (base - lossDown) / Double(values[p] - down[p])
                if abs(right - left) > atol + rtol * max(abs(right), abs(left)) { continue }
            }
            compared += 1
            let a = Double(analytic[p])
            #expect(
                abs(a - numeric) <= atol + rtol * max(abs(a), abs(numeric)),
                "input \(index) element \(p): analytic \(a) vs numeric \(numeric)", sourceLocation: sourceLocation)
        }
        #expect(
            compared * 2 >= positions.count, "input \(index): only \(compared) of \(positions.count) elements compared",
            sourceLocation: sourceLocation)
    }
}

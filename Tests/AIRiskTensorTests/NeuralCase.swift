import AIRiskONNX
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
            return try ONNXTensorFile.load(contentsOf: url).tensor
        }
        let shape = try #require(ref.shape)
        let data = try #require(ref.data)
        if ref.type == "int64" { return Tensor(shape: shape, int64: data.map { Int64($0) }) }
        return Tensor(shape: shape, scalars: data.map { Float($0) })
    }

    func inputTensors() throws -> [Tensor?] { try inputs.map { try tensor($0) } }
    func expectedOutputs() throws -> [Tensor?] { try outputs.map { try tensor($0) } }
}

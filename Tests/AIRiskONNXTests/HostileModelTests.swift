import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskONNX

/// The hostile models of issue 15 (Fixtures/hostile, made by scripts/make_hostile_models.py): each asks
/// for gigabytes to terabytes from a file of a few hundred bytes, and must fail at load time, naming
/// the node, before anything runs or allocates.
@Suite("Hostile models: static size pass")
struct HostileModelTests {
    struct Case: Decodable {
        var node: String
        var bytes: Int
        var phase: String
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")
    static let cases: [String: Case] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("hostile.json")),
            let decoded = try? JSONDecoder().decode([String: Case].self, from: data)
        else { return [:] }
        return decoded
    }()
    static let loadNames = cases.filter { $0.value.phase == "load" }.keys.sorted()

    @Test("the fixture index lists every hostile model")
    func index() {
        #expect(Self.cases.count >= 12)
        #expect(Self.cases.values.allSatisfy { $0.bytes < 8_000 })
    }

    @Test("a hostile model fails to load, naming its node, within a second", arguments: loadNames)
    func refusedAtLoad(_ name: String) throws {
        let expected = try #require(Self.cases[name])
        let url = Self.directory.appendingPathComponent(name + ".onnx")
        for checkOperators in [true, false] {
            let start = ContinuousClock.now
            do {
                _ = try ONNXModel.load(contentsOf: url, checkOperators: checkOperators)
                Issue.record("\(name) loaded")
            } catch let error as ONNXError {
                guard case .graphTooLarge(let file, let reason) = error else {
                    Issue.record("\(name): expected graphTooLarge, got \(error)")
                    continue
                }
                #expect(file == url.path)
                #expect(reason.contains("'\(expected.node)'"), "\(reason)")
                #expect("\(error)".contains("ceiling"))
            }
            #expect(ContinuousClock.now - start < .seconds(1))
        }
    }

    @Test("a shape that only the one-row batch reveals passes loading and fails the second pass")
    func refusedBeforeTheNeutralRow() throws {
        let url = Self.directory.appendingPathComponent("expand_from_input_shape.onnx")
        let model = try ONNXModel.load(contentsOf: url)
        #expect(throws: Never.self) { try model.checkSizes(inputShapes: ["X": [nil, 3]]) }
        do {
            try model.checkSizes(inputShapes: ["X": [1, 3]])
            Issue.record("the pass accepted Expand to [100000, 300000]")
        } catch let error as ONNXError {
            #expect("\(error)".contains("'expand_from_input'") && "\(error)".contains("[100000, 300000]"))
        }
    }

    @Test("a lower maxValueBytes refuses what the default accepts")
    func configurableCeiling() throws {
        let url = Self.directory.appendingPathComponent("concat_doubling.onnx")
        do {
            _ = try ONNXModel.load(contentsOf: url, limits: ONNXLimits(maxValueBytes: 1 << 20))
            Issue.record("loaded")
        } catch let error as ONNXError {
            // 1024 floats doubled 8 times is 1 MiB; the 9th doubling is the first beyond it.
            #expect("\(error)".contains("'double_9'"), "\(error)")
        }
    }

    /// dims [1] and `count` one-byte varints of packed int64_data, optionally with the dims after the data.
    func packedModel(count: Int, dimsFirst: Bool, packed: Bool = true) -> Data {
        Data(
            TestModels.singleNode(nodeInputs: ["X", "W"]) { g in
                g.message(5) { t in
                    t.string(8, "W")
                    if dimsFirst { t.int(1, 1) }
                    t.int(2, 7)
                    if packed {
                        t.bytes(7, [UInt8](repeating: 1, count: count))
                    } else {
                        for _ in 0..<count { t.int(7, 1) }
                    }
                    if !dimsFirst { t.int(1, 1) }
                }
            })
    }

    @Test("packed int64_data beyond its dims is refused while it is counted, wherever the dims sit")
    func packedBeyondDims() throws {
        for dimsFirst in [true, false] {
            for packed in [true, false] {
                let data = packedModel(count: packed ? 4 << 20 : 1000, dimsFirst: dimsFirst, packed: packed)
                do {
                    _ = try ONNXModel.load(data: data, fileName: "packed.onnx", checkOperators: false)
                    Issue.record("loaded")
                } catch let error as ONNXError {
                    guard case .malformed(_, let path, let reason) = error else {
                        Issue.record("expected malformed, got \(error)")
                        continue
                    }
                    #expect(path.contains("initializer") && path.hasSuffix("int64_data"), "\(path)")
                    #expect(reason.contains("more than 1 values") && reason.contains("dims"), "\(reason)")
                }
            }
        }
        // The right count still loads.
        #expect(throws: Never.self) {
            _ = try ONNXModel.load(
                data: packedModel(count: 1, dimsFirst: false), fileName: "ok.onnx", checkOperators: false)
        }
    }

    @Test("repeated attribute values are bounded by the reader's ceiling before decoding")
    func repeatedCeiling() throws {
        var reader = ProtoReader(bytes: [100] + [UInt8](repeating: 1, count: 100), path: "T", maximumElements: 10)
        var out: [Int64] = []
        #expect(throws: ProtoDecodingError.self) { try reader.appendVarints(.lengthDelimited, "ints", to: &out) }
        #expect(out.isEmpty)
    }
}

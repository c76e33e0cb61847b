// libFuzzer target: the ONNX protobuf reader, the lowering onto the engine's graph, the static size
// pass (at load, and again with the concrete one-row shapes that run before the neutral row) and the
// kernels' construction. Built by scripts/fuzz.sh; not part of the SwiftPM package.
import AIRiskONNX
import AIRiskTensor
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzONNX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let model = try? ONNXModel.load(data: bytes, fileName: "fuzz.onnx", checkOperators: false) {
        _ = model.operators
        _ = model.parameterCount
        _ = try? model.checkOperatorSupport()
        // The one-row batch ONNXModelAccess runs: symbolic dimensions become 1.
        var shapes: [String: [Int?]] = [:]
        for input in model.graph.inputs {
            shapes[input.name] = input.shape?.map { d -> Int? in
                if case .fixed(let n) = d { return n }
                return 1
            }
        }
        _ = try? model.checkSizes(inputShapes: shapes)
        _ = try? Executor(graph: model.graph)
    }
    return 0
}

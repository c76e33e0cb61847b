// libFuzzer target: the ONNX protobuf reader and the lowering onto the engine's graph.
// Built by scripts/fuzz.sh; not part of the SwiftPM package.
import AIRiskONNX
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzONNX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let model = try? ONNXModel.load(data: bytes, fileName: "fuzz.onnx", checkOperators: false) {
        _ = model.operators
        _ = model.parameterCount
        _ = try? model.checkOperatorSupport()
    }
    return 0
}

// libFuzzer target: .npy header parsing and array decoding.
import AIRiskData
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // A small array ceiling keeps the fuzzer's memory bounded while still exercising the limit checks.
    let limits = DataLimits(maxArrayBytes: 1 << 24)
    _ = try? NPYReader.header(data: bytes, name: "fuzz.npy", limits: limits)
    _ = try? NPYReader.read(data: bytes, name: "fuzz.npy", limits: limits)
    return 0
}

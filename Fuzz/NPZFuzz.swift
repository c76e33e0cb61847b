// libFuzzer target: .npz archives (ZIP directory, deflate, bomb checks, member .npy files).
import AIRiskData
import Foundation

let npzPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("airisk-fuzz-\(ProcessInfo.processInfo.processIdentifier).npz")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPZ(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // NPZArchive reads from a file (ZIPFoundation needs random access), so each input is written to one.
    guard (try? Data(bytes: data, count: size).write(to: npzPath)) != nil else { return 0 }
    let limits = DataLimits(maxArrayBytes: 1 << 24)
    if let archive = try? NPZArchive(contentsOf: npzPath, limits: limits) {
        for key in archive.keys {
            _ = try? archive.header(key)
            _ = try? archive.array(key)
        }
    }
    _ = try? DatasetLoader.load(url: npzPath, limits: limits)
    return 0
}

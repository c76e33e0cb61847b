// libFuzzer target: .npz archives (ZIP directory, deflate, bomb checks, member .npy files).
import AIRiskData
import Foundation

/// A RAM-backed file when /dev/shm exists: Data.write would fsync every input.
let npzPath = URL(
    fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
).appendingPathComponent("airisk-fuzz-\(ProcessInfo.processInfo.processIdentifier).npz")

func writeInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Bool {
    guard let file = fopen(npzPath.path, "wb") else { return false }
    defer { fclose(file) }
    return fwrite(data, 1, size, file) == size
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPZ(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // NPZArchive reads from a file (ZIPFoundation needs random access), so each input is written to one.
    guard writeInput(data, size) else { return 0 }
    let limits = DataLimits(maxArrayBytes: 1 << 20)
    if let archive = try? NPZArchive(contentsOf: npzPath, limits: limits) {
        for key in archive.keys {
            _ = try? archive.header(key)
            _ = try? archive.array(key)
        }
    }
    _ = try? DatasetLoader.load(url: npzPath, limits: limits)
    return 0
}

import Foundation

// libFuzzer target: CSV records and the CSV data-set reader.
@testable import AIRiskData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let limits = DataLimits(maxArrayBytes: 1 << 24, maxCSVLineLength: 4096)
    for labelColumn in [nil, "label"] as [String?] {
        _ = try? CSVReader.parse(
            bytes: bytes, file: "fuzz.csv", labelColumn: labelColumn, ignoring: ["id"],
            labelEncoding: .automatic, limits: limits)
    }
    return 0
}

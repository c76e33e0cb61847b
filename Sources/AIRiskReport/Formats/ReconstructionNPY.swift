import AIRiskResults
import Foundation

/// The inversion probe's reconstructions as a NumPy file beside the reports (`inversion-reconstructions.npy`):
/// little-endian float32, shape `[classes, features]`, rows in the order of the table's class columns (the
/// CSV beside it, or the page, names them). Load with `numpy.load`; reshape a row to the image shape to view it.
package enum ReconstructionNPY {
    package static let fileName = "inversion-reconstructions.npy"

    /// The file, when a probe reports a reconstructions table with numbers in every cell.
    package static func files(_ results: AssessmentResults) -> [(name: String, data: Data)] {
        for probe in results.probes {
            for table in probe.tables where table.id == .inversionReconstructionsTable {
                guard let data = npy(table) else { return [] }
                return [(fileName, data)]
            }
        }
        return []
    }

    /// The table's numeric columns (every column but the first, the feature name) as rows of a float32 array.
    static func npy(_ table: ResultTable) -> Data? {
        let features = table.rows.count
        let classes = table.columns.count - 1
        guard features > 0, classes > 0, table.rows.allSatisfy({ $0.count == classes + 1 }) else { return nil }
        var values = [Float](repeating: 0, count: classes * features)
        for (j, row) in table.rows.enumerated() {
            for k in 0..<classes {
                guard case .number(let v) = row[k + 1] else { return nil }
                values[k * features + j] = Float(v)
            }
        }
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(classes), \(features)), }"
        // Magic (6) + version (2) + header length (2) + header + padding + newline, a multiple of 64.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        for v in values {
            let bits = v.bitPattern.littleEndian
            data.append(contentsOf: withUnsafeBytes(of: bits) { Array($0) })
        }
        return data
    }
}

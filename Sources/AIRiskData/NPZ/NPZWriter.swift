import AIRiskTensor
import Foundation
import ZIPFoundation

/// Writes ``Tensor``s as a numpy .npz archive that `np.load` reads: one `KEY.npy` entry per array (see
/// ``NPYWriter`` for the element types), stored or deflated.
package enum NPZWriter {
    /// Writes `arrays` to `url` (replacing any existing file), entries in key order.
    package static func write(_ arrays: [String: Tensor], to url: URL, compressed: Bool = false) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: url.path) {
            do {
                try fileManager.removeItem(at: url)
            } catch {
                throw DataError.unreadable(file: url.path, reason: "cannot replace: \(error.localizedDescription)")
            }
        }
        // A fixed timestamp keeps the output byte-identical for identical arrays.
        let timestamp = Date(timeIntervalSince1970: 315_532_800)
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for key in arrays.keys.sorted() {
                guard let tensor = arrays[key] else { continue }
                let data = try NPYWriter.data(for: tensor)
                try archive.addEntry(
                    with: key + ".npy", type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                    compressionMethod: compressed ? .deflate : .none
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch let error as NPYWriter.UnsupportedTensor {
            throw error
        } catch {
            throw DataError.unreadable(file: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}

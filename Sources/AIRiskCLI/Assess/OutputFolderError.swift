import AIRiskReport
import AIRiskResults
import Foundation

/// `--out` cannot receive the reports; found before any probe runs.
struct OutputFolderError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String {
        "the output folder \(path) is not usable (\(reason)); nothing was run. Give a folder you can write to "
            + "with --out."
    }

    /// Checks that `directory` can receive the reports (created, a probe file written and removed) and removes
    /// stale temporary files of earlier runs in it.
    static func check(_ directory: URL) throws(OutputFolderError) {
        do {
            try ReportWriter.checkWritable(directory)
        } catch {
            if case .results(.unwritable(let path, let reason)) = error {
                throw OutputFolderError(path: path, reason: reason)
            }
            throw OutputFolderError(path: directory.path, reason: error.description)
        }
    }
}

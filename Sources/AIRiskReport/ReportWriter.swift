import AIRiskResults
import Foundation

/// Renders a results document into every requested format and writes each file atomically into one directory.
package enum ReportWriter {
    package struct Options: Sendable {
        package var language: ReportLanguage
        package var templates: TemplateSet
        /// The JUnit gate: a probe's test case fails when it has a finding at or above this severity.
        package var failOn: Severity
        /// Where image file references in the results are resolved for embedding in the HTML page (normally
        /// the directory of results.xml); nil means the output directory.
        package var resourceDirectory: URL?
        /// An earlier assessment the HTML report compares against.
        package var baseline: HTMLReport.Baseline?

        package init(
            language: ReportLanguage = .en, templates: TemplateSet = .bundled, failOn: Severity = .high,
            resourceDirectory: URL? = nil, baseline: HTMLReport.Baseline? = nil
        ) {
            self.language = language
            self.templates = templates
            self.failOn = failOn
            self.resourceDirectory = resourceDirectory
            self.baseline = baseline
        }
    }

    /// The bytes of one rendering. `resourceDirectory` resolves image file references for the HTML page.
    package static func render(
        _ results: AssessmentResults, format: ReportFormat, options: Options = Options(), resourceDirectory: URL? = nil
    ) throws(ReportError) -> Data {
        switch format {
        case .html:
            let html = try HTMLReport.render(
                results,
                options: .init(
                    language: options.language, templates: options.templates, resourceDirectory: resourceDirectory,
                    baseline: options.baseline))
            return Data(html.utf8)
        case .resultsXML:
            do {
                return try ResultsDocument.data(for: results)
            } catch {
                throw .results(error)
            }
        case .oscal: return try OSCALReport.xml(results)
        case .oscalJSON: return OSCALReport.json(results)
        case .json: return try JSONReport.data(results)
        case .sarif: return SARIFReport.data(results)
        case .junit: return try JUnitReport.xml(results, gate: options.failOn)
        }
    }

    /// Writes every format in `formats` into `directory` (created if needed) and returns the files written.
    /// All or nothing: every rendering is produced in memory first, then the files go through
    /// ``AtomicFileSet``, so a failure leaves the previous run's files in place and never a mixed set.
    @discardableResult
    package static func write(
        _ results: AssessmentResults, formats: [ReportFormat], to directory: URL, options: Options = Options()
    ) throws(ReportError) -> [URL] {
        try write(results, formats: formats, to: directory, options: options) { try $0.write(to: $1) }
    }

    /// ``write(_:formats:to:options:)`` with an injectable file writer, so tests can make one file fail.
    static func write(
        _ results: AssessmentResults, formats: [ReportFormat], to directory: URL, options: Options,
        writeFile: (Data, URL) throws -> Void
    ) throws(ReportError) -> [URL] {
        var files: [(name: String, data: Data)] = []
        for format in formats {
            let data = try render(
                results, format: format, options: options, resourceDirectory: options.resourceDirectory ?? directory)
            files.append((format.fileName, data))
        }
        // Tables too long for the page go beside it as CSV (the page names them), the inversion's
        // reconstructions also as .npy.
        if formats.contains(.html) { files += TableCSV.files(results) + ReconstructionNPY.files(results) }
        do {
            try AtomicFileSet.write(files, to: directory, writeFile: writeFile)
        } catch {
            throw .results(error)
        }
        return files.map { directory.appendingPathComponent($0.name) }
    }

    /// Checks before an assessment that `directory` can receive the reports (see
    /// ``AtomicFileSet/checkWritable(_:)``), so an unusable output folder is found before the probes run.
    package static func checkWritable(_ directory: URL) throws(ReportError) {
        do {
            try AtomicFileSet.checkWritable(directory)
        } catch {
            throw .results(error)
        }
    }
}

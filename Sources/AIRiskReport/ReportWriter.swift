import AIRiskResults
import Foundation

/// Renders a results document into every requested format and writes each file atomically into one directory.
public enum ReportWriter {
    public struct Options: Sendable {
        public var language: ReportLanguage
        public var templates: TemplateSet
        /// The JUnit gate: a probe's test case fails when it has a finding at or above this severity.
        public var failOn: Severity
        /// Where image file references in the results are resolved for embedding in the HTML page (normally
        /// the directory of results.xml); nil means the output directory.
        public var resourceDirectory: URL?

        public init(
            language: ReportLanguage = .en, templates: TemplateSet = .bundled, failOn: Severity = .high,
            resourceDirectory: URL? = nil
        ) {
            self.language = language
            self.templates = templates
            self.failOn = failOn
            self.resourceDirectory = resourceDirectory
        }
    }

    /// The bytes of one rendering. `resourceDirectory` resolves image file references for the HTML page.
    public static func render(
        _ results: AssessmentResults, format: ReportFormat, options: Options = Options(), resourceDirectory: URL? = nil
    ) throws(ReportError) -> Data {
        switch format {
        case .html:
            let html = try HTMLReport.render(
                results,
                options: .init(
                    language: options.language, templates: options.templates, resourceDirectory: resourceDirectory))
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
    /// Each file is complete or absent: nothing is written until its rendering succeeded.
    @discardableResult
    public static func write(
        _ results: AssessmentResults, formats: [ReportFormat], to directory: URL, options: Options = Options()
    ) throws(ReportError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .results(.unwritable(path: directory.path, reason: error.localizedDescription))
        }
        var written: [URL] = []
        for format in formats {
            let data = try render(
                results, format: format, options: options, resourceDirectory: options.resourceDirectory ?? directory)
            let url = directory.appendingPathComponent(format.fileName)
            do {
                try AtomicFile.write(data, to: url)
            } catch {
                throw .results(error)
            }
            written.append(url)
        }
        return written
    }
}

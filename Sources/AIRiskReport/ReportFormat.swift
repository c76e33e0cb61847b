/// Every rendering airisk writes, with its file name.
package enum ReportFormat: String, Sendable, CaseIterable {
    case html
    case resultsXML = "xml"
    case oscal
    case oscalJSON = "oscal-json"
    case json
    case sarif
    case junit

    package var fileName: String {
        switch self {
        case .html: "report.html"
        case .resultsXML: "results.xml"
        case .oscal: "oscal-assessment-results.xml"
        case .oscalJSON: "oscal-assessment-results.json"
        case .json: "results.json"
        case .sarif: "results.sarif"
        case .junit: "junit.xml"
        }
    }
}

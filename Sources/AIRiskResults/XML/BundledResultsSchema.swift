/// `Resources/results.xsd`, embedded in the binary at build time (SwiftPM `.embedInCode`).
enum BundledResultsSchema {
    static let xsd = String(decoding: PackageResources.results_xsd, as: UTF8.self)
}

/// The report templates of `Resources/` by file name, embedded in the binary at build time (SwiftPM
/// `.embedInCode`).
enum BundledTemplates {
    static let files: [String: String] = [
        "report.css": String(decoding: PackageResources.report_css, as: UTF8.self),
        "report.html.mustache": String(decoding: PackageResources.report_html_mustache, as: UTF8.self),
    ]
}

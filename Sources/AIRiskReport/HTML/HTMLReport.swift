import AIRiskResults
import AIRiskSupport
import AIRiskXML
import Foundation
import Mustache

/// The report for people: one self-contained HTML file (inline CSS, inline SVG charts, images as `data:` URIs,
/// no scripts, no network fetches), rendered from a results document through a mustache template.
///
/// Every string from the results reaches the page through the template engine's HTML escaping or through
/// ``HTMLEscape`` inside the SVG charts, so hostile model metadata renders as text; control characters are
/// shown escaped (``showingControls(_:)``).
package enum HTMLReport {
    package struct Options: Sendable {
        package var language: ReportLanguage
        package var templates: TemplateSet
        /// Where image file references in the results are resolved (normally the results file's directory);
        /// resolved images are embedded, others are shown by path.
        package var resourceDirectory: URL?
        /// An earlier assessment to compare against (the report's version-comparison section).
        package var baseline: Baseline?

        package init(
            language: ReportLanguage = .en, templates: TemplateSet = .bundled, resourceDirectory: URL? = nil,
            baseline: Baseline? = nil
        ) {
            self.language = language
            self.templates = templates
            self.resourceDirectory = resourceDirectory
            self.baseline = baseline
        }
    }

    /// An earlier assessment and the name it is shown under (normally its path).
    package struct Baseline: Sendable {
        package var name: String
        package var results: AssessmentResults

        package init(name: String, results: AssessmentResults) {
            self.name = name
            self.results = results
        }
    }

    /// The page for `results`.
    package static func render(_ results: AssessmentResults, options: Options = Options()) throws(ReportError)
        -> String
    {
        let page = try options.templates.file("report.html.mustache")
        let css = try options.templates.file("report.css")
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: page)
        } catch {
            throw .template(name: "report.html.mustache", reason: "does not parse: \(error)")
        }
        var context = HTMLContext(results: results, options: options).build().mapValues(showingControls)
        // The stylesheet is the team's own template text; it must not be able to close the <style> element.
        context["css"] = css.replacingOccurrences(of: "</", with: "<\\/")
        context["printHeader"] = CSSEscape.string(
            "airisk · \(results.model.name) · SHA-256 \(results.model.sha256 ?? "—")")
        return template.render(context)
    }

    /// A context value with every string's control characters (ESC, BEL, C1 controls, bidirectional overrides)
    /// shown as visible escapes such as `\u{1B}`: the template engine escapes markup only.
    static func showingControls(_ value: Any) -> Any {
        switch value {
        case let s as String: ControlCharacters.escaped(s, keeping: ["\t", "\n", "\r"])
        case let d as [String: Any]: d.mapValues(showingControls)
        case let a as [Any]: a.map(showingControls)
        default: value
        }
    }
}

import AIRiskResults
import AIRiskSupport
import AIRiskXML
import Foundation

/// OSCAL's JSON form of the same assessment-results, converted from the XML tree ``OSCALBuilder`` builds, so
/// both formats always say the same thing. Only the element kinds airisk emits are mapped: repeated elements
/// become the JSON model's plural arrays (`prop` → `props`, `response` → `remediations`, `associated-risk` →
/// `related-risks`, …), markup becomes Markdown-free text with blank lines between paragraphs.
enum OSCALJSON {
    /// XML element name → JSON array key for elements that may repeat.
    static let arrayKeys: [String: String] = [
        "prop": "props", "link": "links", "result": "results", "observation": "observations", "risk": "risks",
        "finding": "findings", "origin": "origins", "actor": "actors", "relevant-evidence": "relevant-evidence",
        "method": "methods", "threat-id": "threat-ids", "characterization": "characterizations", "facet": "facets",
        "response": "remediations", "related-observation": "related-observations", "associated-risk": "related-risks",
        "control-selection": "control-selections",
    ]
    /// Elements holding markup-multiline content (`<p>` paragraphs).
    static let markupElements: Set<String> = ["description", "remarks", "statement"]

    static func document(_ root: XMLElement) -> JSONValue {
        .object([(root.name, convert(root))])
    }

    static func convert(_ e: XMLElement) -> JSONValue {
        if markupElements.contains(e.name) {
            return .string(e.elements(named: "p").map { escapeMarkdown($0.text) }.joined(separator: "\n\n"))
        }
        if e.name == "threat-id" {
            return .object(e.attributes.map { ($0.name, .string($0.value)) } + [("id", .string(e.text))])
        }
        if e.attributes.isEmpty && e.elements.isEmpty {
            return e.name == "include-all" ? .object([]) : .string(e.text)
        }
        var members: [(String, JSONValue)] = e.attributes.map { ($0.name, .string($0.value)) }
        var order: [String] = []
        var groups: [String: [XMLElement]] = [:]
        for child in e.elements {
            if groups[child.name] == nil { order.append(child.name) }
            groups[child.name, default: []].append(child)
        }
        for name in order {
            let children = groups[name] ?? []
            // A characterization has exactly one origin; everywhere else origins repeat.
            let singular = e.name == "characterization" && name == "origin"
            if !singular, let key = arrayKeys[name] {
                members.append((key, .array(children.map(convert))))
            } else if let only = children.first {
                members.append((name, convert(only)))
            }
        }
        return .object(members)
    }

    /// Characters Markdown would read as formatting, escaped so text stays text.
    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]#<>".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

extension OSCALReport {
    /// The assessment-results JSON document (OSCAL's JSON model).
    package static func json(_ results: AssessmentResults) -> Data {
        Data(OSCALJSON.document(element(results)).serialized().utf8)
    }
}

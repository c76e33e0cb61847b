import AIRiskAssessment
import AIRiskResults
import AIRiskXML
import Foundation

// libFuzzer target: the XML reader, results documents (schema validation + decoding), catalog
// documents (schema validation + typed parsing) and assessment plans (schema validation + reading).
// The first byte picks the consumer: 0–4 a catalog file, 5 results, 6 a plan (modulo 7).
@testable import AIRiskCatalog

/// Catalog schemas are compiled once; compiling is far slower than validating.
let catalogSchemas: [CatalogFile: XMLSchema] = {
    var result: [CatalogFile: XMLSchema] = [:]
    for file in CatalogFile.allCases {
        if let text = BundledCatalogFiles.files[file.schemaName] {
            result[file] = try? XMLSchema(Data(text.utf8), fileName: file.schemaName)
        }
    }
    return result
}()
let resultsSchema = try? ResultsDocument.schema()
let planSchema = try? PlanDocument.schema()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let bytes = Data(bytes: data + 1, count: size - 1)
    _ = try? XMLReader.parse(bytes, fileName: "fuzz.xml")
    let files = CatalogFile.allCases
    let choice = Int(selector) % (files.count + 2)
    if choice == files.count + 1 {
        if let planSchema {
            _ = try? PlanDocument.read(
                bytes, fileName: "fuzz-plan.xml", directory: URL(fileURLWithPath: "/nonexistent"), schema: planSchema)
        }
        return 0
    }
    if choice == files.count {
        _ = resultsSchema?.validate(bytes, fileName: "fuzz.xml")
        _ = try? ResultsDocument.read(bytes, fileName: "fuzz.xml")
        return 0
    }
    let file = files[choice]
    guard let schema = catalogSchemas[file], (try? schema.check(bytes, fileName: file.fileName)) != nil,
        let doc = try? XMLReader.parse(bytes, fileName: file.fileName)
    else { return 0 }
    let reader = ElementReader(element: doc.root, file: file.fileName)
    switch file {
    case .matrix: _ = try? SecurityMatrix(reader)
    case .owasp: _ = try? OwaspTop10(reader)
    case .atlas: _ = try? Atlas(reader)
    case .mappings: _ = try? Mappings(reader)
    case .policy: _ = try? RiskPolicy(reader)
    }
    return 0
}

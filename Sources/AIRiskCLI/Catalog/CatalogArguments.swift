import AIRiskCatalog
import ArgumentParser
import Foundation

extension Language: ExpressibleByArgument {}
extension CatalogEntryKind: ExpressibleByArgument {}

/// Options every `airisk catalog` command shares.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: "A catalog directory to use instead of the bundled catalog.")
    var directory: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The catalog of `--catalog DIR`, or the one compiled into airisk.
    func load() throws -> Catalog {
        if let directory {
            return try Catalog.load(directory: URL(fileURLWithPath: directory, isDirectory: true))
        }
        return try Catalog.bundled()
    }
}

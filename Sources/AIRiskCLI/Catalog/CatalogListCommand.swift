import AIRiskCatalog
import ArgumentParser

/// `airisk catalog list`: every ID in the catalog, optionally of one kind.
struct CatalogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List catalog IDs and names.")

    @Option(
        help: ArgumentHelp(
            "Only entries of this kind.",
            valueName: CatalogEntryKind.allCases.map(\.rawValue).joined(separator: "|")))
    var kind: CatalogEntryKind?

    @OptionGroup var options: CatalogOptions

    @Option(help: "Language of the names: ja or en.")
    var lang: Language = .en

    func run() throws {
        let catalog = try options.load()
        switch options.format {
        case .text: TerminalOutput.write(EntryListRenderer.text(catalog, kind: kind, language: lang), terminator: "")
        case .json: TerminalOutput.write(try EntryListRenderer.json(catalog, kind: kind, language: lang))
        }
    }
}

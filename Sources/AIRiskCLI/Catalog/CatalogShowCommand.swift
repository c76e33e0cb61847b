import AIRiskCatalog
import ArgumentParser

/// `airisk catalog show ID`: one entry with everything the catalog links to it.
struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show any catalog entry: ML03, AML.T0024.001, AML.M0002, tech.fgsm, def.label-only, membership ...")

    @Argument(help: "The entry's ID (see `airisk catalog list`).")
    var id: String

    @OptionGroup var options: CatalogOptions

    @Option(help: "Language of the names: ja or en (the other is shown in parentheses).")
    var lang: Language = .en

    func run() throws {
        let catalog = try options.load()
        guard let entry = catalog.entry(id: id) else {
            throw CatalogLookupError(id: id, in: catalog)
        }
        switch options.format {
        case .text: TerminalOutput.write(EntryRenderer.text(entry, in: catalog, language: lang), terminator: "")
        case .json: TerminalOutput.write(try EntryRenderer.json(entry, in: catalog))
        }
    }
}

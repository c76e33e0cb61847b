import AIRiskCatalog
import ArgumentParser

/// `airisk catalog matrix`: the AI Security Matrix as a terminal table.
struct CatalogMatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Show the AI Security Matrix: stage, attack class, techniques and defenses.")

    @OptionGroup var options: CatalogOptions

    @Option(help: "Language of the names: ja or en.")
    var lang: Language = .en

    @Option(help: "Table width in columns (default: the terminal's width, or 120).")
    var width: Int?

    func run() throws {
        let catalog = try options.load()
        switch options.format {
        case .text:
            TerminalOutput.write(
                MatrixRenderer.text(catalog, language: lang, width: width ?? TerminalSize.columns()), terminator: "")
        case .json: TerminalOutput.write(try MatrixRenderer.json(catalog, language: lang))
        }
    }
}

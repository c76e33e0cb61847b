import ArgumentParser

/// `airisk catalog`: browse the risk catalog (AI Security Matrix, OWASP ML Top 10, MITRE ATLAS, mappings).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Browse the risk catalog: AI Security Matrix, OWASP ML Top 10 2023, MITRE ATLAS and mappings.",
        subcommands: [CatalogMatrixCommand.self, CatalogShowCommand.self, CatalogListCommand.self])
}

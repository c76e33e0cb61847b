/// The publication behind a technique or defense, with how much of it is verified.
package struct Paper: Sendable, Equatable, Encodable, CatalogElement {
    /// Status of the citation as a whole (title and year).
    package var status: VerificationStatus
    package var title: String?
    package var year: Int?
    package var authors: [String] = []
    /// Status of the author list, which MBSD's pages mostly do not state.
    package var authorsStatus: VerificationStatus?
    package var venue: String?
    package var url: String?

    static let xmlSources: [String: XMLSource] = [
        "title": .childText, "year": .childText, "venue": .childText, "url": .childText,
        "authors": .children("author", in: "authors", wrapperOptional: true),
        "authorsStatus": .childAttribute("status", of: "authors"),
    ]
}

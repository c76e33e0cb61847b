/// The publication behind a technique or defense, with how much of it is verified.
package struct Paper: Sendable, Equatable, Encodable {
    /// Status of the citation as a whole (title and year).
    package var status: VerificationStatus
    package var title: String?
    package var year: Int?
    package var authors: [String] = []
    /// Status of the author list, which MBSD's pages mostly do not state.
    package var authorsStatus: VerificationStatus?
    package var venue: String?
    package var url: String?
}

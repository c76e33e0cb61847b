/// The publication behind a technique or defense, with how much of it is verified.
public struct Paper: Sendable, Equatable, Encodable {
    /// Status of the citation as a whole (title and year).
    public var status: VerificationStatus
    public var title: String?
    public var year: Int?
    public var authors: [String]
    /// Status of the author list, which MBSD's pages mostly do not state.
    public var authorsStatus: VerificationStatus?
    public var venue: String?
    public var url: String?

    public init(
        status: VerificationStatus, title: String? = nil, year: Int? = nil, authors: [String] = [],
        authorsStatus: VerificationStatus? = nil, venue: String? = nil, url: String? = nil
    ) {
        self.status = status
        self.title = title
        self.year = year
        self.authors = authors
        self.authorsStatus = authorsStatus
        self.venue = venue
        self.url = url
    }
}

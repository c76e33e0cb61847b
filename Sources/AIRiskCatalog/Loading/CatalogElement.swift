/// A catalog entry read from its XML element by ``ElementDecoder``: its `Decodable` conformance is synthesized,
/// and ``xmlSources`` says where the properties that are not plain attributes come from.
protocol CatalogElement: Decodable {
    /// The sources of the properties that are not the attribute (or nested entry: child element) of their own
    /// name, keyed by coding key.
    static var xmlSources: [String: XMLSource] { get }

    /// Checks and orderings that decoding cannot express, run once the entry is read from `r`.
    mutating func finish(reading r: ElementReader) throws(CatalogError)
}

extension CatalogElement {
    static var xmlSources: [String: XMLSource] { [:] }

    mutating func finish(reading r: ElementReader) throws(CatalogError) {}
}

/// A property read from the whole element that holds it (where the element is, its names) rather than from one
/// attribute or child: ``ElementDecoder`` hands its `init(from:)` a decoder on the holder's element, which
/// ``ElementDecoder/element(of:)`` gives back.
protocol ElementProperty: Decodable {}

/// Ceilings checked before libxml2 sees a document, so that a hostile file fails fast with an error
/// naming it: libxml2 2.9 checks an element's attributes for duplicates pairwise, so 300 000
/// attributes on one element take minutes, and a file of gigabytes would be read whole into memory.
public struct XMLLimits: Sendable, Equatable {
    /// The largest document read at all, in bytes. Default 256 MiB.
    public var maxBytes: Int
    /// The most attributes (namespace declarations included) one element may carry. Default 256.
    public var maxAttributesPerElement: Int

    public init(maxBytes: Int = 256 << 20, maxAttributesPerElement: Int = 256) {
        self.maxBytes = maxBytes
        self.maxAttributesPerElement = maxAttributesPerElement
    }

    /// The defaults: 256 MiB, 256 attributes per element.
    public static let standard = XMLLimits()
}

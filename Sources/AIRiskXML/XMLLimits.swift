/// Ceilings checked before libxml2 sees a document, so that a hostile file fails fast with an error
/// naming it: libxml2 2.9 checks an element's attributes for duplicates pairwise, so 300 000
/// attributes on one element take minutes, and a file of gigabytes would be read whole into memory.
package struct XMLLimits: Sendable, Equatable {
    /// The largest document read at all, in bytes. Default 256 MiB.
    package var maxBytes: Int
    /// The most attributes (namespace declarations included) one element may carry. Default 256.
    package var maxAttributesPerElement: Int

    package init(maxBytes: Int = 256 << 20, maxAttributesPerElement: Int = 256) {
        self.maxBytes = maxBytes
        self.maxAttributesPerElement = maxAttributesPerElement
    }

    /// The defaults: 256 MiB, 256 attributes per element.
    package static let standard = XMLLimits()
}

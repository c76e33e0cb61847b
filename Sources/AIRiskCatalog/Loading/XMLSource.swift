/// Where ``ElementDecoder`` reads a property of a ``CatalogElement`` that is neither the attribute of its own name
/// (a string, number or ``CatalogEnumeration``) nor the child element of its own name (a nested entry).
enum XMLSource: Sendable {
    /// The attribute `name`; `fallback` stands in for it when the element lacks it.
    case attribute(String, fallback: String? = nil)
    /// The attribute `name` of the child element `child`.
    case childAttribute(String, of: String)
    /// The text of the child element named like the property.
    case childText
    /// The element's own text.
    case text
    /// Every `name` child (of the child `wrapper`, when given), in document order. A missing wrapper is an error
    /// unless `wrapperOptional`, and then reads as no children. Link entries (``CatalogReference``,
    /// ``StatusLink``) read their `ref` from the attribute `ref`.
    case children(String, in: String? = nil, wrapperOptional: Bool = false, ref: String = "ref")
}

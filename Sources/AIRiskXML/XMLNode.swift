/// A child of an ``XMLElement``: another element or character data.
package enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

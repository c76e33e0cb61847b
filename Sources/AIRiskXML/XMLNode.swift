/// A child of an ``XMLElement``: another element or character data.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

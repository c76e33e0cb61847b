/// A parsed document: its root element and the file it came from (for error messages).
public struct XMLDocument: Sendable {
    public var root: XMLElement
    public var fileName: String

    public init(root: XMLElement, fileName: String) {
        self.root = root
        self.fileName = fileName
    }
}

/// A parsed document: its root element and the file it came from (for error messages).
package struct XMLDocument: Sendable {
    package var root: XMLElement
    package var fileName: String
}

/// The name and version of the tool that wrote a results document.
package struct ToolInfo: Sendable, Equatable, Codable {
    package var name: String
    package var version: String

    package init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

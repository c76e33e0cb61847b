/// A `--defenses` item that could not be read.
public struct DefenseSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var item: String
    public var reason: String

    public init(item: String, reason: String) {
        self.item = item
        self.reason = reason
    }

    public var description: String { "defense '\(item)': \(reason)" }
}

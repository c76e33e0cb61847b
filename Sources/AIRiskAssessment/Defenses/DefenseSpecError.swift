/// A `--defenses` item that could not be read.
package struct DefenseSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    package var item: String
    package var reason: String

    package var description: String { "defense '\(item)': \(reason)" }
}

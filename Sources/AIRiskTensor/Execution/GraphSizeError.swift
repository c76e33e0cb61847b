/// A value the static size pass found too large before the graph ran, naming the node that makes it.
package struct GraphSizeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The node producing the value, or "" for a graph input.
    package var node: String
    /// The node's operator ("" for a graph input).
    package var opType: String
    /// The value's name.
    package var value: String
    /// The shape the pass worked out ("?" for dimensions it could not; they count as 1).
    package var shape: String
    /// The bytes the value needs at least, nil when the size overflows 64 bits.
    package var bytes: Int?
    /// The ceiling in bytes.
    package var limit: Int

    package var description: String {
        let size = bytes.map { "at least \($0) bytes" } ?? "more bytes than 64 bits can count"
        let who = node.isEmpty ? "graph input '\(value)'" : "node '\(node)' (\(opType)): its output '\(value)'"
        return "\(who) of shape \(shape) would need \(size), more than the ceiling of \(limit) bytes per value; "
            + "the model is damaged or hostile (or raise the ceiling if it is genuine)"
    }
}

/// A kernel whose attributes are its ``Attribute`` properties, read by name from the node when it is built, with its
/// ``NodeContext`` (and, where it matters, the ``Opset``) beside them. Checks that involve more than one attribute, or a value's range, go in `validate()`;
/// values derived from attributes are computed properties. A kernel whose attributes are not plain values (tensors,
/// subgraphs, names that changed between opsets) reads them in its own `init(node:opset:)` instead.
protocol AttributedKernel: Kernel, Decodable {
    /// The kernel before its node is read: every attribute at its default (how the defaults are found).
    init()

    /// Throws when the attributes read are inconsistent; runs once, after all of them are read.
    func validate() throws
}

extension AttributedKernel {
    func validate() throws {}

    init(node: Node, opset: Int) throws {
        var declarations: [String: Any] = [:]
        for child in Mirror(reflecting: Self()).children {
            if let label = child.label { declarations[label] = child.value }
        }
        self = try Self(
            from: NodeAttributeDecoder(context: KernelContext(node), opset: opset, declarations: declarations))
        try validate()
    }
}

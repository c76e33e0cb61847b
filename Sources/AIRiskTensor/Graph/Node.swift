/// One operator application in a ``Graph``.
public struct Node: Sendable {
    public var name: String
    public var opType: String
    /// "" (or "ai.onnx") for the standard domain, "ai.onnx.ml" for classical ML operators.
    public var domain: String
    /// Input value names; "" marks an omitted optional input.
    public var inputs: [String]
    public var outputs: [String]
    public var attributes: [String: AttributeValue]

    public init(
        name: String, opType: String, domain: String = "", inputs: [String], outputs: [String],
        attributes: [String: AttributeValue] = [:]
    ) {
        self.name = name
        self.opType = opType
        self.domain = domain
        self.inputs = inputs
        self.outputs = outputs
        self.attributes = attributes
    }
}

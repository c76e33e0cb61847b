/// One operator application in a ``Graph``.
package struct Node: Sendable {
    package var name: String
    package var opType: String
    /// "" (or "ai.onnx") for the standard domain, "ai.onnx.ml" for classical ML operators.
    package var domain: String
    /// Input value names; "" marks an omitted optional input.
    package var inputs: [String]
    package var outputs: [String]
    package var attributes: [String: AttributeValue]

    package init(
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

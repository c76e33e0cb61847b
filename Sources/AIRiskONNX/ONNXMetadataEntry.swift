/// One `metadata_props` key/value pair of a model, in file order.
public struct ONNXMetadataEntry: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

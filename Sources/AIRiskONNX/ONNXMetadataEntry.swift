/// One `metadata_props` key/value pair of a model, in file order.
package struct ONNXMetadataEntry: Sendable, Equatable {
    package var key: String
    package var value: String
}

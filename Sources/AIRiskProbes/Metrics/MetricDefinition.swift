/// The written definition of one reported metric.
public struct MetricDefinition: Sendable, Equatable, Codable {
    public var name: String
    public var definition: String

    public init(_ name: String, _ definition: String) {
        self.name = name
        self.definition = definition
    }
}

/// The written definition of one reported metric.
package struct MetricDefinition: Sendable, Equatable, Codable {
    package var name: String
    package var definition: String

    package init(_ name: String, _ definition: String) {
        self.name = name
        self.definition = definition
    }
}

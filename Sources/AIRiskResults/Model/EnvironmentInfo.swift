/// The machine an assessment ran on, as the caller describes it.
package struct EnvironmentInfo: Sendable, Equatable, Codable {
    package var operatingSystem: String
    package var cpuCount: Int
    /// The Swift toolchain's version string.
    package var swiftVersion: String

    package init(operatingSystem: String, cpuCount: Int, swiftVersion: String) {
        self.operatingSystem = operatingSystem
        self.cpuCount = cpuCount
        self.swiftVersion = swiftVersion
    }
}

/// The machine an assessment ran on, as the caller describes it.
public struct EnvironmentInfo: Sendable, Equatable, Codable {
    public var operatingSystem: String
    public var cpuCount: Int
    /// The Swift toolchain's version string.
    public var swiftVersion: String

    public init(operatingSystem: String, cpuCount: Int, swiftVersion: String) {
        self.operatingSystem = operatingSystem
        self.cpuCount = cpuCount
        self.swiftVersion = swiftVersion
    }
}

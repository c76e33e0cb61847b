import AIRiskResults
import Foundation

/// The tool and machine an assessment ran on, recorded in the results.
package enum AssessmentEnvironment {
    package static let toolVersion = "0.1.0"

    package static var current: EnvironmentInfo {
        EnvironmentInfo(
            operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString,
            cpuCount: ProcessInfo.processInfo.activeProcessorCount, swiftVersion: swiftVersion)
    }

    static var swiftVersion: String {
        #if compiler(>=6.3)
            "6.3"
        #elseif compiler(>=6.2)
            "6.2"
        #elseif compiler(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }
}

/// `Resources/plan.xsd`, embedded in the binary at build time (SwiftPM `.embedInCode`).
enum BundledPlanSchema {
    static let xsd = String(decoding: PackageResources.plan_xsd, as: UTF8.self)
}

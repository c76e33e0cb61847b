/// The demo model and its data (`Resources/`, the overfit digits MLP of `Tests/Fixtures/models`), embedded in the
/// binary at build time (SwiftPM `.embedInCode`) so `airisk demo` runs anywhere.
enum DemoAssets {
    static let modelName = "mlp_digits_overfit"
    static let model = File(name: "mlp_digits_overfit.onnx", bytes: PackageResources.mlp_digits_overfit_onnx)
    static let members = File(
        name: "mlp_digits_overfit.members.npz", bytes: PackageResources.mlp_digits_overfit_members_npz)
    static let nonMembers = File(
        name: "mlp_digits_overfit.nonmembers.npz", bytes: PackageResources.mlp_digits_overfit_nonmembers_npz)
    static let population = File(
        name: "mlp_digits_overfit.population.npz", bytes: PackageResources.mlp_digits_overfit_population_npz)

    /// One embedded file and the name it is written under.
    struct File {
        let name: String
        let bytes: [UInt8]
    }
}

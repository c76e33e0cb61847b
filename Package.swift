// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "airisk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "airisk", targets: ["airisk"]),
        .library(name: "AIRisk", targets: ["AIRiskCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),

        // The only module that calls libxml2.
        .target(name: "AIRiskXML", dependencies: ["CLibXML2"]),
        // The risk catalog: AI Security Matrix, OWASP ML Top 10, ATLAS, mappings, policy.
        .target(name: "AIRiskCatalog", dependencies: ["AIRiskXML"]),
        // Tensors, kernels, the graph executor with reverse-mode gradients, and training.
        .target(name: "AIRiskTensor", dependencies: ["CBLAS"]),
        // ONNX protobuf reading and lowering onto the tensor engine's graph.
        .target(name: "AIRiskONNX", dependencies: ["AIRiskTensor"]),
        // .npy / .npz / CSV data sets.
        .target(
            name: "AIRiskData",
            dependencies: ["AIRiskTensor", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The model-access protocol every probe uses, and its ONNX implementation.
        .target(name: "AIRiskAccess", dependencies: ["AIRiskTensor", "AIRiskONNX"]),
        // Command-line commands (a library so tests can drive them).
        .target(
            name: "AIRiskCLI",
            dependencies: [
                "AIRiskXML", "AIRiskCatalog", "AIRiskTensor", "AIRiskONNX", "AIRiskData", "AIRiskAccess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "airisk", dependencies: ["AIRiskCLI"]),

        .testTarget(name: "AIRiskXMLTests", dependencies: ["AIRiskXML"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AIRiskCatalogTests", dependencies: ["AIRiskCatalog", "AIRiskXML"]),
        .testTarget(name: "AIRiskTensorTests", dependencies: ["AIRiskTensor"]),
        .testTarget(name: "AIRiskONNXTests", dependencies: ["AIRiskONNX", "AIRiskTensor"], exclude: ["Fixtures"]),
        .testTarget(name: "AIRiskDataTests", dependencies: ["AIRiskData", "AIRiskTensor"]),
        .testTarget(name: "AIRiskCLITests", dependencies: ["AIRiskCLI"]),
    ],
    swiftLanguageModes: [.v6]
)

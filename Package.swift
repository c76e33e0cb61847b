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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Property-based tests only (never linked into the tool).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),

        // The shared words of risk: severity, risk level and factor, data sensitivity, external references.
        .target(name: "AIRiskVocabulary"),
        // The only module that calls libxml2.
        .target(name: "AIRiskXML", dependencies: ["CLibXML2"]),
        // The risk catalog: AI Security Matrix, OWASP ML Top 10, ATLAS, mappings, policy.
        .target(name: "AIRiskCatalog", dependencies: ["AIRiskXML", "AIRiskVocabulary"]),
        // Tensors, kernels, the graph executor with reverse-mode gradients, and training.
        .target(name: "AIRiskTensor", dependencies: ["CBLAS"]),
        // ONNX protobuf reading, lowering onto the tensor engine's graph, and ONNXModelAccess (a model file
        // behind the access protocol, as AIRiskEndpoint puts endpoints behind it).
        .target(name: "AIRiskONNX", dependencies: ["AIRiskTensor", "AIRiskAccess"]),
        // .npy / .npz / CSV data sets.
        .target(
            name: "AIRiskData",
            dependencies: ["AIRiskTensor", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The model-access protocol every probe uses, and the wrappers that restrict or defend a model.
        .target(name: "AIRiskAccess", dependencies: ["AIRiskTensor"]),
        // Live prediction endpoints (KServe V2, instances→predictions) and subprocess models behind ModelAccess.
        .target(
            name: "AIRiskEndpoint",
            dependencies: [
                "AIRiskAccess", "AIRiskTensor", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        // The attacks: membership inference, model inversion, model extraction, and their metrics.
        .target(name: "AIRiskProbes", dependencies: ["AIRiskAccess", "AIRiskTensor", "AIRiskData", "CBLAS"]),
        // The canonical results document: its model, XML form and XSD validation.
        .target(name: "AIRiskResults", dependencies: ["AIRiskXML", "AIRiskVocabulary"]),
        // Renderings of a results document: HTML, OSCAL, JSON, SARIF, JUnit.
        .target(
            name: "AIRiskReport",
            dependencies: ["AIRiskResults", "AIRiskXML", .product(name: "Mustache", package: "swift-mustache")]),
        // Runs probes on a model and scores them against the catalog into a results document.
        .target(
            name: "AIRiskAssessment",
            dependencies: [
                "AIRiskCatalog", "AIRiskProbes", "AIRiskResults", "AIRiskAccess", "AIRiskData", "AIRiskXML",
                "AIRiskVocabulary",
            ]),
        // Resolves a model file, endpoint or command into the model an assessment receives (access, identity,
        // architecture); the CLI composes it with the assessor.
        .target(
            name: "AIRiskLoader",
            dependencies: [
                "AIRiskAssessment", "AIRiskAccess", "AIRiskONNX", "AIRiskEndpoint", "AIRiskData", "AIRiskResults",
                "AIRiskTensor",
            ]),
        // Command-line commands (a library so tests can drive them).
        .target(
            name: "AIRiskCLI",
            dependencies: [
                "AIRiskXML", "AIRiskCatalog", "AIRiskTensor", "AIRiskONNX", "AIRiskData", "AIRiskAccess",
                "AIRiskProbes", "AIRiskResults", "AIRiskReport", "AIRiskAssessment", "AIRiskEndpoint", "AIRiskLoader",
                "AIRiskVocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "airisk", dependencies: ["AIRiskCLI"]),
        // Engine micro-benchmarks (sgemm, executor throughput); numbers go to BENCHMARKS.md.
        .executableTarget(
            name: "airisk-bench",
            dependencies: ["AIRiskTensor", "AIRiskONNX", "AIRiskAccess", "AIRiskData", "AIRiskProbes"]),

        .testTarget(
            name: "AIRiskXMLTests",
            dependencies: ["AIRiskXML", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        .testTarget(name: "AIRiskCatalogTests", dependencies: ["AIRiskCatalog", "AIRiskXML"]),
        .testTarget(name: "AIRiskTensorTests", dependencies: ["AIRiskTensor"], exclude: ["Fixtures"]),
        .testTarget(
            name: "AIRiskONNXTests", dependencies: ["AIRiskONNX", "AIRiskAccess", "AIRiskData", "AIRiskTensor"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AIRiskDataTests",
            dependencies: [
                "AIRiskData", "AIRiskTensor", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AIRiskAccessTests", dependencies: ["AIRiskAccess", "AIRiskTensor"]),
        .testTarget(
            name: "AIRiskEndpointTests",
            dependencies: [
                "AIRiskEndpoint", "AIRiskAccess", "AIRiskTensor", "AIRiskAssessment", "AIRiskCatalog", "AIRiskResults",
                "AIRiskLoader",
            ],
            // Read through #filePath-relative URLs, not bundled.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AIRiskProbesTests",
            dependencies: [
                "AIRiskProbes", "AIRiskAccess", "AIRiskTensor",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "AIRiskResultsTests", dependencies: ["AIRiskResults", "AIRiskXML"]),
        .testTarget(
            name: "AIRiskReportTests", dependencies: ["AIRiskReport", "AIRiskResults", "AIRiskXML"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AIRiskAssessmentTests",
            dependencies: [
                "AIRiskAssessment", "AIRiskProbes", "AIRiskAccess", "AIRiskONNX", "AIRiskData", "AIRiskTensor",
                "AIRiskCatalog", "AIRiskResults", "AIRiskLoader",
            ]),
        .testTarget(
            name: "AIRiskLoaderTests",
            dependencies: ["AIRiskLoader", "AIRiskAssessment", "AIRiskAccess", "AIRiskONNX", "AIRiskResults"]),
        .testTarget(
            name: "AIRiskCLITests",
            dependencies: [
                "AIRiskCLI", "AIRiskAccess", "AIRiskData", "AIRiskONNX", "AIRiskResults", "AIRiskXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

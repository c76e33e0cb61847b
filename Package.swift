// swift-tools-version:6.0
import PackageDescription

// The engine's matrix products: oneDNN's sgemm on x86-64, where OpenBLAS 0.3.21 (Debian 12) falls back to its SSE3
// "Prescott" kernels on CPUs newer than it knows and ran 5-10x slower (BENCHMARKS.md, "Matrix-product backend");
// OpenBLAS elsewhere. OpenBLAS stays linked on every architecture for the vector routines (dot, axpy).
#if arch(x86_64)
    let tensorKernelLibraries: [Target.Dependency] = ["CBLAS", "CDNNL", "CVectorMath"]
#else
    let tensorKernelLibraries: [Target.Dependency] = ["CBLAS", "CVectorMath"]
#endif

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
        // SHA-256 and SHA-1. Its BoringSSL copy is compiled besides swift-nio-ssl's (see ARCHITECTURE.md for the cost).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
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
        .systemLibrary(name: "CDNNL", path: "Sources/CDNNL", providers: [.apt(["libdnnl-dev"])]),
        // The engine's hot elementwise loops, compiled per vector extension and chosen on first call.
        .target(name: "CVectorMath"),

        // Text building blocks every module may use: control-character escaping, the JSON value, parser and writer.
        .target(name: "AIRiskSupport"),
        // The shared words of risk: severity, risk level and factor, data sensitivity, external references.
        .target(name: "AIRiskVocabulary"),
        // The only module that calls libxml2.
        .target(name: "AIRiskXML", dependencies: ["CLibXML2", "AIRiskSupport"]),
        // The risk catalog: AI Security Matrix, OWASP ML Top 10, ATLAS, mappings, policy.
        .target(name: "AIRiskCatalog", dependencies: ["AIRiskXML", "AIRiskVocabulary", "AIRiskSupport"]),
        // Tensors, kernels, the graph executor with reverse-mode gradients, and training.
        .target(name: "AIRiskTensor", dependencies: tensorKernelLibraries + ["AIRiskSupport"]),
        // ONNX protobuf reading, lowering onto the tensor engine's graph, and ONNXModelAccess (a model file
        // behind the access protocol, as AIRiskEndpoint puts endpoints behind it).
        .target(name: "AIRiskONNX", dependencies: ["AIRiskTensor", "AIRiskAccess", "AIRiskSupport"]),
        // .npy / .npz / CSV data sets.
        .target(
            name: "AIRiskData",
            dependencies: [
                "AIRiskTensor", "AIRiskSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The model-access protocol every probe uses, and the wrappers that restrict or defend a model.
        .target(name: "AIRiskAccess", dependencies: ["AIRiskTensor"]),
        // Live prediction endpoints (KServe V2, instances→predictions) and subprocess models behind ModelAccess.
        .target(
            name: "AIRiskEndpoint",
            dependencies: [
                "AIRiskAccess", "AIRiskTensor", "AIRiskSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        // The attacks: membership inference, model inversion, model extraction, and their metrics.
        .target(name: "AIRiskProbes", dependencies: ["AIRiskAccess", "AIRiskTensor", "AIRiskData"]),
        // The canonical results document: its model, XML form and XSD validation.
        .target(name: "AIRiskResults", dependencies: ["AIRiskXML", "AIRiskVocabulary", "AIRiskSupport"]),
        // Renderings of a results document: HTML, OSCAL, JSON, SARIF, JUnit.
        .target(
            name: "AIRiskReport",
            dependencies: [
                "AIRiskResults", "AIRiskXML", "AIRiskSupport", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // Runs probes on a model and scores them against the catalog into a results document.
        .target(
            name: "AIRiskAssessment",
            dependencies: [
                "AIRiskCatalog", "AIRiskProbes", "AIRiskResults", "AIRiskAccess", "AIRiskData", "AIRiskXML",
                "AIRiskVocabulary", "AIRiskSupport",
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
                "AIRiskSupport", "AIRiskVocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "airisk", dependencies: ["AIRiskCLI", "AIRiskTensor"]),
        // Engine micro-benchmarks (sgemm, executor throughput); numbers go to BENCHMARKS.md.
        .executableTarget(
            name: "airisk-bench",
            dependencies: [
                "AIRiskTensor", "AIRiskONNX", "AIRiskAccess", "AIRiskData", "AIRiskProbes", "AIRiskAssessment",
                "AIRiskLoader",
            ]),

        .testTarget(
            name: "AIRiskXMLTests",
            dependencies: ["AIRiskXML", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        .testTarget(name: "AIRiskSupportTests", dependencies: ["AIRiskSupport"]),
        .testTarget(name: "AIRiskCatalogTests", dependencies: ["AIRiskCatalog", "AIRiskXML"]),
        .testTarget(
            name: "AIRiskTensorTests", dependencies: ["AIRiskTensor", "AIRiskONNX"],
            // AIRiskONNX reads the ONNX backend tests' TensorProto files.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AIRiskONNXTests",
            dependencies: ["AIRiskONNX", "AIRiskAccess", "AIRiskData", "AIRiskTensor"],
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
                "AIRiskLoader", "AIRiskSupport",
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
            name: "AIRiskReportTests", dependencies: ["AIRiskReport", "AIRiskResults", "AIRiskXML", "AIRiskSupport"],
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
                "AIRiskCLI", "AIRiskAccess", "AIRiskData", "AIRiskONNX", "AIRiskReport", "AIRiskResults", "AIRiskXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// Files compiled into the binary at build time (no bundle is looked up at run time, so an installed or copied
// binary is self-contained): each target's Resources/ folder, read through the generated `PackageResources`.
for target in package.targets
where ["AIRiskCatalog", "AIRiskResults", "AIRiskReport", "AIRiskAssessment", "AIRiskCLI"].contains(target.name) {
    target.resources = [.embedInCode("Resources")]
}
// The catalog's README is documentation, not a resource.
package.targets.first { $0.name == "AIRiskCatalog" }?.exclude = ["Resources/README.md"]

// Shared test fixtures and helpers (sample results document, fixture models, .npy/.npz writers), a regular target
// linked only by the test targets below.
package.targets.append(
    .target(
        name: "AIRiskTestSupport",
        dependencies: [
            "AIRiskResults", "AIRiskTensor", "AIRiskONNX", "AIRiskAccess", "AIRiskData", "AIRiskProbes",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ],
        path: "Tests/AIRiskTestSupport"))
for target in package.targets
where [
    "AIRiskDataTests", "AIRiskAccessTests", "AIRiskResultsTests", "AIRiskReportTests", "AIRiskAssessmentTests",
    "AIRiskCLITests", "AIRiskONNXTests", "AIRiskLoaderTests", "AIRiskEndpointTests", "AIRiskTensorTests",
].contains(target.name) {
    target.dependencies.append("AIRiskTestSupport")
}

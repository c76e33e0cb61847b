// Engine micro-benchmarks: sgemm through BLAS against portable Swift loops, and executor
// throughput on a small MLP at batch 1 and 256. Build with `swift build -c release`; the numbers
// are recorded in BENCHMARKS.md.
import AIRiskTensor

ProcessConfiguration.configure()
let clock = ContinuousClock()

/// The best of `repeats` timings of `body`, in seconds.
func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<repeats {
        let d = try clock.measure { try body() }
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        fastest = min(fastest, s)
    }
    return fastest
}

func randomMatrix(_ n: Int, seed: UInt64) -> [Float] {
    var g = SeededGenerator(seed: seed)
    return (0..<n).map { _ in g.nextUniform() * 2 - 1 }
}

/// Plain triple loop in i-k-j order (the compiler may auto-vectorise the inner loop).
func naiveGemm(_ a: [Float], _ b: [Float], _ c: inout [Float], _ n: Int) {
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                for i in 0..<n {
                    for j in 0..<n { pc[i &* n &+ j] = 0 }
                    for k in 0..<n {
                        let aik = pa[i &* n &+ k]
                        for j in 0..<n { pc[i &* n &+ j] += aik * pb[k &* n &+ j] }
                    }
                }
            }
        }
    }
}

/// Explicit SIMD16 with a 4-row register block, so every load of B feeds four rows of C.
func simdGemm(_ a: [Float], _ b: [Float], _ c: inout [Float], _ n: Int) {
    precondition(n % 64 == 0)
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                let rb = UnsafeRawPointer(pb.baseAddress!)
                let rc = UnsafeMutableRawPointer(pc.baseAddress!)
                let stride = MemoryLayout<SIMD16<Float>>.stride
                var i = 0
                while i < n {
                    var j = 0
                    while j < n {
                        var c0 = SIMD16<Float>(), c1 = SIMD16<Float>(), c2 = SIMD16<Float>(), c3 = SIMD16<Float>()
                        for k in 0..<n {
                            let bv = rb.loadUnaligned(fromByteOffset: (k &* n &+ j) &* 4, as: SIMD16<Float>.self)
                            c0 += pa[i &* n &+ k] * bv
                            c1 += pa[(i &+ 1) &* n &+ k] * bv
                            c2 += pa[(i &+ 2) &* n &+ k] * bv
                            c3 += pa[(i &+ 3) &* n &+ k] * bv
                        }
                        rc.storeBytes(of: c0, toByteOffset: (i &* n &+ j) &* 4, as: SIMD16<Float>.self)
                        rc.storeBytes(of: c1, toByteOffset: ((i &+ 1) &* n &+ j) &* 4, as: SIMD16<Float>.self)
                        rc.storeBytes(of: c2, toByteOffset: ((i &+ 2) &* n &+ j) &* 4, as: SIMD16<Float>.self)
                        rc.storeBytes(of: c3, toByteOffset: ((i &+ 3) &* n &+ j) &* 4, as: SIMD16<Float>.self)
                        j &+= 16
                    }
                    i &+= 4
                }
                _ = stride
            }
        }
    }
}

func maxDifference(_ x: [Float], _ y: [Float]) -> Float {
    zip(x, y).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

func benchGemm() {
    let n = 512
    let flops = 2.0 * Double(n * n * n)
    let a = randomMatrix(n * n, seed: 1)
    let b = randomMatrix(n * n, seed: 2)
    var reference = [Float](repeating: 0, count: n * n)
    let tBlas = best(20) { reference = BLAS.matmul(a, b, m: n, n: n, k: n) }
    var naive = [Float](repeating: 0, count: n * n)
    let tNaive = best(3) { naiveGemm(a, b, &naive, n) }
    var simd = [Float](repeating: 0, count: n * n)
    let tSimd = best(5) { simdGemm(a, b, &simd, n) }
    print("## Matrix product (sgemm 512²)")
    print("| implementation | time (ms) | GFLOP/s | max |Δ| vs BLAS |")
    print("|---|---|---|---|")
    print(row("OpenBLAS cblas_sgemm", tBlas, flops, 0))
    print(row("Swift SIMD16, 4-row register block", tSimd, flops, maxDifference(simd, reference)))
    print(row("Swift naive i-k-j loop", tNaive, flops, maxDifference(naive, reference)))
}

func row(_ name: String, _ t: Double, _ flops: Double, _ diff: Float) -> String {
    "| \(name) | \(fmt(t * 1e3)) | \(fmt(flops / t / 1e9)) | \(diff) |"
}

func fmt(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return String(r)
}

func mlpGraph(inputs: Int, hidden: Int, classes: Int) -> Graph {
    var g = SeededGenerator(seed: 7)
    func t(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in g.nextGaussian() * 0.1 })
    }
    return Graph(
        name: "mlp",
        nodes: [
            Node(
                name: "fc1", opType: "Gemm", inputs: ["x", "W1", "b1"], outputs: ["h"], attributes: ["transB": .int(1)]),
            Node(name: "relu", opType: "Relu", inputs: ["h"], outputs: ["a"]),
            Node(
                name: "fc2", opType: "Gemm", inputs: ["a", "W2", "b2"], outputs: ["z"], attributes: ["transB": .int(1)]),
            Node(name: "softmax", opType: "Softmax", inputs: ["z"], outputs: ["p"]),
        ],
        inputs: [ValueInfo(name: "x", elementType: "float32", shape: [.symbolic("N"), .fixed(inputs)])],
        outputs: [ValueInfo(name: "p", elementType: "float32", shape: nil)],
        initializers: ["W1": t([hidden, inputs]), "b1": t([hidden]), "W2": t([classes, hidden]), "b2": t([classes])])
}

func benchExecutor() throws {
    let executor = try Executor(graph: mlpGraph(inputs: 64, hidden: 256, classes: 10))
    print("\n## Executor: MLP 64-256-10 (Gemm, Relu, Gemm, Softmax)")
    print("| batch | µs per call | rows/s | forward+backward µs (w.r.t. input) |")
    print("|---|---|---|---|")
    for batch in [1, 256] {
        let x = Tensor(shape: [batch, 64], scalars: randomMatrix(batch * 64, seed: 3))
        let calls = batch == 1 ? 20_000 : 500
        _ = try executor.run(inputs: ["x": x])
        let t = try best(3) { for _ in 0..<calls { _ = try executor.run(inputs: ["x": x]) } } / Double(calls)
        let seed = Tensor(filled: 1, shape: [batch, 10])
        let tg =
            try best(3) {
                for _ in 0..<(calls / 4) {
                    _ = try executor.gradients(inputs: ["x": x], outputName: "p", seed: seed, withRespectTo: ["x"])
                }
            } / Double(calls / 4)
        print("| \(batch) | \(fmt(t * 1e6)) | \(Int(Double(batch) / t)) | \(fmt(tg * 1e6)) |")
    }
}

func benchTraining() throws {
    let rows = 4096
    let x = Tensor(shape: [rows, 64], scalars: randomMatrix(rows * 64, seed: 11))
    var g = SeededGenerator(seed: 12)
    let labels = (0..<rows).map { _ in Int(g.next() % 10) }
    func job(_ i: Int) -> TrainingJob {
        TrainingJob(
            model: ModelBuilder.mlp(inputSize: 64, hiddenSizes: [256], head: .classifier(classes: 10), seed: UInt64(i)),
            inputs: x, targets: .labels(labels),
            config: TrainingConfig(epochs: 1, batchSize: 64, optimizer: .adam(learningRate: 1e-3), seed: UInt64(i)))
    }
    let jobs = (0..<4).map(job)
    let one = try best(3) {
        _ = try Trainer.train(jobs[0].model, inputs: x, targets: .labels(labels), config: jobs[0].config)
    }
    let sequential = try best(2) {
        for j in jobs { _ = try Trainer.train(j.model, inputs: j.inputs, targets: j.targets, config: j.config) }
    }
    let parallel = try best(2) { _ = try Trainer.trainInParallel(jobs) }
    print("\n## Training: MLP 64-256-10, Adam, batch 64, one epoch of \(rows) rows")
    print("| run | wall time (ms) | training rows/s |")
    print("|---|---|---|")
    print("| one model | \(fmt(one * 1e3)) | \(Int(Double(rows) / one)) |")
    print("| 4 models sequentially | \(fmt(sequential * 1e3)) | \(Int(Double(4 * rows) / sequential)) |")
    print("| 4 models, trainInParallel | \(fmt(parallel * 1e3)) | \(Int(Double(4 * rows) / parallel)) |")
}

/// `airisk-bench profile-forward` runs only the batch-256 forward loop, for `perf record`.
func profileForward() throws {
    let executor = try Executor(graph: mlpGraph(inputs: 64, hidden: 256, classes: 10))
    let x = Tensor(shape: [256, 64], scalars: randomMatrix(256 * 64, seed: 3))
    for _ in 0..<5000 { _ = try executor.run(inputs: ["x": x]) }
}

let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "profile-forward":
    try profileForward()
case "fixtures":
    try await benchFixtures(arguments: Array(benchArguments.dropFirst()))
case "profile-fixture":
    try await profileFixture(arguments: Array(benchArguments.dropFirst()))
case "lira":
    try await benchLiRA(arguments: Array(benchArguments.dropFirst()))
default:
    benchGemm()
    try benchExecutor()
    try benchTraining()
}

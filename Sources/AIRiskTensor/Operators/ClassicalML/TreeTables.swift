/// A ``TreeEnsemble`` laid out for traversal: one 32-byte record per node (threshold, mode,
/// feature and both children together, so a step touches one cache line instead of six arrays)
/// and the leaf weights, in buffers allocated once when the model is loaded and never mutated.
/// Walking Swift arrays cost a bounds check and a separate load per field per step, which made
/// the random-forest fixture half as fast as onnxruntime at batch 256.
final class TreeTables: @unchecked Sendable {
    struct Node {
        var threshold: Float
        var mode: TreeEnsemble.Mode
        var missingTracksTrue: Bool
        var feature: Int
        var trueChild: Int
        var falseChild: Int
    }

    let nodes: UnsafeMutableBufferPointer<Node>
    let roots: UnsafeMutableBufferPointer<Int>
    /// Leaf weights of node i: `weightTargets[weightStart[i]..<weightStart[i+1]]` and `weightValues`.
    let weightStart: UnsafeMutableBufferPointer<Int>
    let weightTargets: UnsafeMutableBufferPointer<Int>
    let weightValues: UnsafeMutableBufferPointer<Float>

    init() {
        nodes = .allocate(capacity: 0)
        roots = .allocate(capacity: 0)
        weightStart = .allocate(capacity: 0)
        weightTargets = .allocate(capacity: 0)
        weightValues = .allocate(capacity: 0)
    }

    init(_ e: TreeEnsemble) {
        let n = e.modes.count
        nodes = .allocate(capacity: n)
        for i in 0..<n {
            nodes.initializeElement(
                at: i,
                to: Node(
                    threshold: e.thresholds[i], mode: e.modes[i], missingTracksTrue: e.missingTracksTrue[i],
                    feature: e.features[i], trueChild: e.trueChild[i], falseChild: e.falseChild[i]))
        }
        roots = Self.copy(e.roots)
        weightStart = Self.copy(e.weightStart)
        weightTargets = Self.copy(e.weightTargets)
        weightValues = Self.copy(e.weightValues)
    }

    private static func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let p = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
        _ = p.initialize(from: a)
        return p
    }

    deinit {
        nodes.deallocate()
        roots.deallocate()
        weightStart.deallocate()
        weightTargets.deallocate()
        weightValues.deallocate()
    }

    /// The leaf that the row starting at `row[base]` reaches in the tree starting at `root`.
    /// The caller has checked that the row has at least ``TreeEnsemble/featureCount`` values.
    @inline(__always)
    func leaf(root: Int, row: UnsafeBufferPointer<Float>, base: Int) -> Int {
        var i = root
        while true {
            let node = nodes[i]
            let v = node.threshold
            let goTrue: Bool
            switch node.mode {
            case .leaf: return i
            case .leq:
                let x = row[base &+ node.feature]
                goTrue = x <= v || (x.isNaN && node.missingTracksTrue)
            case .lt:
                let x = row[base &+ node.feature]
                goTrue = x < v || (x.isNaN && node.missingTracksTrue)
            case .gte:
                let x = row[base &+ node.feature]
                goTrue = x >= v || (x.isNaN && node.missingTracksTrue)
            case .gt:
                let x = row[base &+ node.feature]
                goTrue = x > v || (x.isNaN && node.missingTracksTrue)
            case .eq:
                let x = row[base &+ node.feature]
                goTrue = x == v || (x.isNaN && node.missingTracksTrue)
            case .neq:
                // x != v is already true for NaN.
                goTrue = row[base &+ node.feature] != v
            }
            i = goTrue ? node.trueChild : node.falseChild
        }
    }
}

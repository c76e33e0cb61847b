/// The decision trees of a TreeEnsembleClassifier or TreeEnsembleRegressor node, flattened into
/// arrays and validated once at load: every child exists in its tree, every tree has one root, no
/// tree contains a cycle, and every leaf weight points at a node.
struct TreeEnsemble: Sendable {
    enum Mode: UInt8, Sendable {
        case leq, lt, gte, gt, eq, neq, leaf

        init?(_ name: String) {
            switch name {
            case "BRANCH_LEQ": self = .leq
            case "BRANCH_LT": self = .lt
            case "BRANCH_GTE": self = .gte
            case "BRANCH_GT": self = .gt
            case "BRANCH_EQ": self = .eq
            case "BRANCH_NEQ": self = .neq
            case "LEAF": self = .leaf
            default: return nil
            }
        }
    }

    var modes: [Mode] = []
    var features: [Int] = []
    var thresholds: [Float] = []
    /// The thresholds in float64 (`nodes_values_as_tensor` as stored, or the float list widened): a float64
    /// input is compared against these in float64, as onnxruntime does.
    var doubleThresholds: [Double] = []
    var trueChild: [Int] = []
    var falseChild: [Int] = []
    var missingTracksTrue: [Bool] = []
    /// Leaf weights of node i: `weightTargets[weightStart[i]..<weightStart[i+1]]` and `weightValues`.
    var weightStart: [Int] = []
    var weightTargets: [Int] = []
    var weightValues: [Float] = []
    var roots: [Int] = []
    /// The number of input features the trees read (largest feature id + 1).
    var featureCount = 0
    /// The distinct target / class ids that carry weights.
    var weightIds = Set<Int>()
    var allWeightsNonNegative = true

    /// Reads the `nodes_*` attributes and the weights named `<prefix>_treeids`, `<prefix>_nodeids`,
    /// `<prefix>_ids` and `<prefix>_weights` ("class" or "target"); ids must be below `idLimit`.
    init(_ a: MLAttributes, weightPrefix prefix: String, idLimit: Int) throws {
        func required<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw a.missing(name) }
            return value
        }
        let treeIds = try required(a.int64s("nodes_treeids"), "nodes_treeids")
        let nodeIds = try required(a.int64s("nodes_nodeids"), "nodes_nodeids")
        let modeNames = try required(a.strings("nodes_modes"), "nodes_modes")
        let n = treeIds.count
        let featureIds = try a.int64s("nodes_featureids") ?? [Int64](repeating: 0, count: n)
        let values = try a.floats("nodes_values") ?? [Float](repeating: 0, count: n)
        let trueIds = try a.int64s("nodes_truenodeids") ?? [Int64](repeating: 0, count: n)
        let falseIds = try a.int64s("nodes_falsenodeids") ?? [Int64](repeating: 0, count: n)
        let missing = try a.int64s("nodes_missing_value_tracks_true") ?? []
        for (name, count) in [
            ("nodes_nodeids", nodeIds.count), ("nodes_modes", modeNames.count),
            ("nodes_featureids", featureIds.count), ("nodes_values", values.count),
            ("nodes_truenodeids", trueIds.count), ("nodes_falsenodeids", falseIds.count),
        ] where count != n {
            throw a.invalid(name, "has \(count) entries but nodes_treeids has \(n)")
        }
        guard missing.isEmpty || missing.count == n else {
            throw a.invalid("nodes_missing_value_tracks_true", "has \(missing.count) entries for \(n) nodes")
        }
        guard n > 0 else { throw a.invalid("nodes_treeids", "is empty; the ensemble has no trees") }

        var index: [Int64: [Int64: Int]] = [:]
        for i in 0..<n {
            guard index[treeIds[i], default: [:]][nodeIds[i]] == nil else {
                throw a.invalid("nodes_nodeids", "defines node \(nodeIds[i]) of tree \(treeIds[i]) twice")
            }
            index[treeIds[i], default: [:]][nodeIds[i]] = i
        }
        modes = try modeNames.map {
            guard let m = Mode($0) else { throw a.invalid("nodes_modes", "contains unknown mode '\($0)'") }
            return m
        }
        features = []
        features.reserveCapacity(n)
        trueChild = [Int](repeating: -1, count: n)
        falseChild = [Int](repeating: -1, count: n)
        var isChild = [Bool](repeating: false, count: n)
        for i in 0..<n {
            guard featureIds[i] >= 0, featureIds[i] < Int64(Int32.max) else {
                throw a.invalid("nodes_featureids", "contains invalid feature id \(featureIds[i])")
            }
            features.append(Int(featureIds[i]))
            guard modes[i] != .leaf else { continue }
            featureCount = max(featureCount, Int(featureIds[i]) + 1)
            let tree = index[treeIds[i]] ?? [:]
            guard let t = tree[trueIds[i]], let f = tree[falseIds[i]] else {
                throw a.invalid(
                    "nodes_truenodeids",
                    "node \(nodeIds[i]) of tree \(treeIds[i]) points at a child that does not exist in that tree")
            }
            trueChild[i] = t
            falseChild[i] = f
            isChild[t] = true
            isChild[f] = true
        }
        thresholds = values
        doubleThresholds = try a.doubles("nodes_values") ?? values.map { Double($0) }
        missingTracksTrue = missing.isEmpty ? [Bool](repeating: false, count: n) : missing.map { $0 != 0 }

        var treeSizes: [Int64: Int] = [:]
        for t in treeIds { treeSizes[t, default: 0] += 1 }
        var seenTrees = Set<Int64>()
        for i in 0..<n where seenTrees.insert(treeIds[i]).inserted {
            let tree = treeIds[i]
            let candidates = (i..<n).filter { treeIds[$0] == tree && !isChild[$0] }
            guard candidates.count == 1 else {
                throw a.invalid(
                    "nodes_truenodeids",
                    candidates.isEmpty
                        ? "tree \(tree) has no root: its nodes form a cycle"
                        : "tree \(tree) has \(candidates.count) root nodes; a tree needs exactly one")
            }
            roots.append(candidates[0])
        }
        // Walk every tree: it must reach each of its nodes exactly once (no cycles, no shared or
        // unreachable nodes).
        for root in roots {
            var stack = [root]
            var visits = 0
            let size = treeSizes[treeIds[root]] ?? 0
            while let i = stack.popLast() {
                visits += 1
                if visits > size { throw a.invalid("nodes_truenodeids", "tree \(treeIds[root]) contains a cycle") }
                if modes[i] != .leaf { stack.append(trueChild[i]); stack.append(falseChild[i]) }
            }
            guard visits == size else {
                throw a.invalid(
                    "nodes_truenodeids", "tree \(treeIds[root]) has \(size - visits) nodes unreachable from its root")
            }
        }

        let wTrees = try required(a.int64s(prefix + "_treeids"), prefix + "_treeids")
        let wNodes = try required(a.int64s(prefix + "_nodeids"), prefix + "_nodeids")
        let wIds = try required(a.int64s(prefix + "_ids"), prefix + "_ids")
        let wValues = try required(a.floats(prefix + "_weights"), prefix + "_weights")
        guard wNodes.count == wTrees.count, wIds.count == wTrees.count, wValues.count == wTrees.count else {
            throw a.invalid(
                prefix + "_weights",
                "lists disagree in length (\(wTrees.count) tree ids, \(wNodes.count) node ids, "
                    + "\(wIds.count) ids, \(wValues.count) weights)")
        }
        var perNode = [[(Int, Float)]](repeating: [], count: n)
        for k in 0..<wTrees.count {
            guard let node = index[wTrees[k]]?[wNodes[k]] else {
                throw a.invalid(
                    prefix + "_nodeids", "names node \(wNodes[k]) of tree \(wTrees[k]), which does not exist")
            }
            guard wIds[k] >= 0, wIds[k] < Int64(idLimit) else {
                throw a.invalid(prefix + "_ids", "contains \(wIds[k]), outside 0..<\(idLimit)")
            }
            perNode[node].append((Int(wIds[k]), wValues[k]))
            weightIds.insert(Int(wIds[k]))
            if wValues[k] < 0 { allWeightsNonNegative = false }
        }
        weightStart = [0]
        for entries in perNode {
            for (id, w) in entries {
                weightTargets.append(id)
                weightValues.append(w)
            }
            weightStart.append(weightTargets.count)
        }
        pack()
    }

    /// One node laid out for traversal: 20 bytes, so a tree's hot path stays in few cache lines.
    struct PackedNode: Sendable {
        var threshold: Float
        var feature: Int32
        var trueChild: Int32
        var falseChild: Int32
        var mode: Mode
        var missingTracksTrue: Bool
    }

    /// The nodes in traversal layout, built once at load.
    private(set) var packed: [PackedNode] = []

    mutating func pack() {
        packed = (0..<modes.count).map { i in
            PackedNode(
                threshold: thresholds[i], feature: Int32(features[i]), trueChild: Int32(trueChild[i]),
                falseChild: Int32(falseChild[i]), mode: modes[i], missingTracksTrue: missingTracksTrue[i])
        }
    }

    /// The leaf that the row starting at `row` reaches in the tree starting at `root`, comparing each
    /// feature with `threshold(i, node)` for node `i` (the packed Float threshold, or the float64 one
    /// for a float64 row).
    @inline(__always)
    static func leaf<T: BinaryFloatingPoint>(
        _ nodes: UnsafeBufferPointer<PackedNode>, root: Int, row: UnsafePointer<T>,
        threshold: (Int, PackedNode) -> T
    ) -> Int {
        var i = root
        while true {
            let node = nodes[i]
            let x = row[Int(node.feature)]
            let v = threshold(i, node)
            var goTrue: Bool
            switch node.mode {
            case .leaf: return i
            case .leq: goTrue = x <= v
            case .lt: goTrue = x < v
            case .gte: goTrue = x >= v
            case .gt: goTrue = x > v
            case .eq: goTrue = x == v
            case .neq: goTrue = x != v
            }
            if !goTrue && node.missingTracksTrue && x.isNaN { goTrue = true }
            i = Int(goTrue ? node.trueChild : node.falseChild)
        }
    }

    /// The node's input X, which must have every feature the trees read.
    func input(_ inputs: [Tensor?], node: Node) throws -> MLInput {
        let x = try MLInput(inputs.first ?? nil, node: node)
        guard x.columns >= featureCount else {
            throw ClassicalMLError.invalidInput(
                node: node.name, opType: node.opType,
                reason: "input X has \(x.columns) features; the trees read feature \(featureCount - 1)")
        }
        return x
    }

    /// How the weights that several trees give one target are combined.
    enum Aggregate: String, Sendable, CaseIterable { case sum = "SUM", average = "AVERAGE", min = "MIN", max = "MAX" }

    /// Runs every row through every tree (tree by tree, so each tree stays in cache across the
    /// batch) and combines the leaf weights per row and id: `scores[r·ids + id]`, with `has` telling
    /// which ids received any weight. AVERAGE is returned as a sum; the caller divides.
    func accumulate(_ x: MLInput, ids: Int, aggregate: Aggregate) -> (scores: [Float], has: [Bool]) {
        if x.doubles != nil {
            let (d, h) = accumulateDouble(x, ids: ids, aggregate: aggregate)
            return (d.map { Float($0) }, h)
        }
        return packed.withUnsafeBufferPointer { nodes in
            combine(x.values, rows: x.rows, columns: x.columns, ids: ids, aggregate: aggregate) { row, root in
                Self.leaf(nodes, root: root, row: row) { _, node in node.threshold }
            }
        }
    }

    /// ``accumulate(_:ids:aggregate:)`` for a float64 input, as onnxruntime's double tree ensembles run it: each
    /// feature compared against the float64 threshold, the leaf weights summed in float64.
    func accumulateDouble(_ x: MLInput, ids: Int, aggregate: Aggregate) -> (scores: [Double], has: [Bool]) {
        let values = x.doubles ?? x.values.map { Double($0) }
        return packed.withUnsafeBufferPointer { nodes in
            doubleThresholds.withUnsafeBufferPointer { thresholds in
                combine(values, rows: x.rows, columns: x.columns, ids: ids, aggregate: aggregate) { row, root in
                    Self.leaf(nodes, root: root, row: row) { i, _ in thresholds[i] }
                }
            }
        }
    }

    /// The loop of ``accumulate(_:ids:aggregate:)`` in `T`: `leaf(row, root)` is the leaf a row reaches in
    /// the tree starting at `root`.
    @inline(__always)
    private func combine<T: BinaryFloatingPoint>(
        _ values: [T], rows: Int, columns: Int, ids: Int, aggregate: Aggregate,
        leaf: (UnsafePointer<T>, Int) -> Int
    ) -> (scores: [T], has: [Bool]) {
        var scores = [T](repeating: 0, count: rows * ids)
        var has = [Bool](repeating: false, count: rows * ids)
        // Leaf-only trees read no feature, so an input with no columns is valid: give it a readable cell.
        let source = values.isEmpty ? [0] : values
        source.withUnsafeBufferPointer { input in
            scores.withUnsafeMutableBufferPointer { s in
                has.withUnsafeMutableBufferPointer { h in
                    guard let first = input.baseAddress else { return }
                    for root in roots {
                        for r in 0..<rows {
                            let reached = leaf(first + r &* columns, root)
                            let base = r &* ids
                            for k in weightStart[reached]..<weightStart[reached &+ 1] {
                                let at = base &+ weightTargets[k]
                                let w = T(weightValues[k])
                                switch aggregate {
                                case .sum, .average: s[at] += w
                                case .min: s[at] = h[at] ? Swift.min(s[at], w) : w
                                case .max: s[at] = h[at] ? Swift.max(s[at], w) : w
                                }
                                h[at] = true
                            }
                        }
                    }
                }
            }
        }
        return (scores, has)
    }
}

/// A static shape-and-size pass over a graph, run when a model is loaded and again before its first
/// run, so that a small hostile file (an Expand to 2e11 elements, a ConstantOfShape of 2^31 floats,
/// a chain of doubling Concats, pads of 1e5) ends in an error naming the node before anything is
/// allocated.
///
/// The pass follows the graph in order, carrying for every value what it can know without running
/// it: the element kind, the shape (dimensions it cannot know, such as a symbolic batch size, count
/// as 1, so the pass gives a lower bound of the real size) and, for small integer tensors, their
/// contents, so that shapes computed in the graph (Shape → Gather → Concat → Reshape, constant
/// shapes of Expand and ConstantOfShape) are followed too. Every product is checked for overflow.
/// A value it cannot size is skipped; the kernels check their own outputs against the same
/// ``TensorBudget`` when they run.
package struct GraphSizePass {
    /// What the pass knows about one value.
    struct Value {
        var kind: ElementKind?
        /// nil when even the rank is unknown; a nil dimension is unknown.
        var shape: [Int?]?
        /// The contents of a small integer tensor, when known.
        var ints: [Int]?
    }

    /// Integer tensors up to this many elements have their contents followed.
    static let maxFollowedInts = 64

    let limit: Int
    var values: [String: Value] = [:]

    /// Checks every value of `graph` it can size against `limit` bytes. `inputShapes` gives concrete
    /// shapes for run-time inputs (nil dimensions unknown); inputs without one use their declared
    /// shape. Throws ``GraphSizeError`` naming the node, or the error a node's attributes raise
    /// (for example a window geometry that overflows).
    package static func check(
        _ graph: Graph, inputShapes: [String: [Int?]] = [:], limit: Int = TensorBudget.maxBytes
    ) throws {
        var pass = GraphSizePass(limit: limit)
        for (name, tensor) in graph.initializers {
            pass.values[name] = Value(
                kind: tensor.elementKind, shape: tensor.shape.map { $0 },
                ints: tensor.count <= maxFollowedInts ? tensor.intContents : nil)
        }
        for input in graph.inputs where graph.initializers[input.name] == nil {
            let shape: [Int?]? =
                inputShapes[input.name]
                ?? input.shape?.map { d -> Int? in
                    if case .fixed(let n) = d { return n }
                    return nil
                }
            let value = Value(kind: ValueTypeName.kind(input.elementType), shape: shape, ints: nil)
            try pass.checkSize(value, name: input.name, node: nil)
            pass.values[input.name] = value
        }
        for (index, node) in graph.nodes.enumerated() {
            var named = node
            if named.name.isEmpty { named.name = "#\(index) \(node.opType)" }
            let inputs = node.inputs.map { $0.isEmpty ? nil : pass.values[$0] }
            let outputs = try pass.infer(named, inputs, opset: graph.opsetImports[node.domain] ?? 17)
            for (i, name) in node.outputs.enumerated() where !name.isEmpty {
                let value = i < outputs.count ? outputs[i] : Value()
                try pass.checkSize(value, name: name, node: named)
                pass.values[name] = value
            }
        }
    }

    func checkSize(_ value: Value, name: String, node: Node?) throws {
        guard let shape = value.shape else { return }
        let known = shape.map { $0 ?? 1 }
        let width = value.kind.map(TensorBudget.elementBytes) ?? 1
        var bytes: Int? = width
        for d in known {
            guard let b = bytes, d >= 0 else { return }  // a negative dimension fails in its kernel
            let (p, overflow) = b.multipliedReportingOverflow(by: d)
            bytes = overflow ? nil : p
        }
        if let bytes, bytes <= limit { return }
        throw GraphSizeError(
            node: node?.name ?? "", opType: node?.opType ?? "", value: name,
            shape: "[" + shape.map { $0.map(String.init) ?? "?" }.joined(separator: ", ") + "]", bytes: bytes,
            limit: limit)
    }

    // MARK: Per-operator rules

    func infer(_ node: Node, _ ins: [Value?], opset: Int) throws -> [Value] {
        func input(_ i: Int) -> Value { i < ins.count ? ins[i] ?? Value() : Value() }
        let x = input(0)
        let attrs = node.attributes
        switch node.opType {
        case "Identity":
            return [x]
        case "Dropout":
            return [Value(kind: x.kind, shape: x.shape), Value(kind: .bool, shape: x.shape)]
        case "Cast":
            guard case .int(let to)? = attrs["to"], let kind = ElementKind(onnxDataType: Int(to)) else {
                return [Value(shape: x.shape)]
            }
            return [Value(kind: kind, shape: x.shape, ints: kind == .int64 ? x.ints : nil)]
        case "Neg", "Exp", "Log", "Sqrt", "Relu", "LeakyRelu", "Elu", "Sigmoid", "Tanh", "Abs", "Reciprocal",
            "Softmax", "LogSoftmax", "Clip", "BatchNormalization":
            return [Value(kind: x.kind, shape: x.shape)]
        case "Not":
            return [Value(kind: .bool, shape: x.shape)]
        case "Add", "Sub", "Mul", "Div", "Pow":
            let y = input(1)
            let kind: ElementKind? = x.kind == .float || y.kind == .float ? .float : x.kind
            return [Value(kind: kind, shape: broadcast([x.shape, y.shape]), ints: fold(node.opType, x, y))]
        case "Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual":
            return [Value(kind: .bool, shape: broadcast([x.shape, input(1).shape]))]
        case "Where":
            return [Value(kind: input(1).kind, shape: broadcast([x.shape, input(1).shape, input(2).shape]))]
        case "Shape":
            return [shapeOf(x, attrs)]
        case "Constant":
            return [constant(attrs)]
        case "ConstantOfShape":
            var kind = ElementKind.float
            if case .tensor(let t)? = attrs["value"] { kind = t.elementKind }
            guard let dims = input(0).ints else {
                return [Value(kind: kind, shape: unknownShape(rank: input(0).shape))]
            }
            return [Value(kind: kind, shape: dims.map { $0 })]
        case "Expand":
            guard let requested = input(1).ints else { return [Value(kind: x.kind)] }
            return [Value(kind: x.kind, shape: broadcast([x.shape, requested.map { $0 }]))]
        case "Reshape":
            return [reshape(x, input(1), allowZero: int(attrs["allowzero"]) == 1)]
        case "Flatten":
            return [flatten(x, axis: int(attrs["axis"]) ?? FlattenKernel.defaultAxis)]
        case "Transpose":
            guard let shape = x.shape else { return [Value(kind: x.kind)] }
            let perm = ints(attrs["perm"]) ?? Array((0..<shape.count).reversed())
            guard perm.count == shape.count, perm.allSatisfy({ $0 >= 0 && $0 < shape.count }) else {
                return [Value(kind: x.kind)]
            }
            return [Value(kind: x.kind, shape: perm.map { shape[$0] })]
        case "Unsqueeze":
            return [unsqueeze(x, axes: ints(attrs["axes"]) ?? input(1).ints)]
        case "Squeeze":
            return [squeeze(x, axes: ints(attrs["axes"]) ?? input(1).ints)]
        case "Concat":
            return [concat(ins.compactMap { $0 }, axis: int(attrs["axis"]) ?? 0)]
        case "Gather":
            return [gather(x, input(1), axis: int(attrs["axis"]) ?? GatherKernel.defaultAxis)]
        case "Slice":
            return [slice(node, ins, opset: opset)]
        case "MatMul":
            return [matMul(x.shape, input(1).shape)]
        case "Gemm":
            guard let a = x.shape, let b = input(1).shape, a.count == 2, b.count == 2 else {
                return [Value(kind: .float)]
            }
            let m = int(attrs["transA"]) == 1 ? a[1] : a[0]
            let n = int(attrs["transB"]) == 1 ? b[0] : b[1]
            return [Value(kind: .float, shape: [m, n])]
        case "Conv", "MaxPool", "AveragePool":
            return try window(node, x, input(1))
        case "GlobalAveragePool", "GlobalMaxPool":
            guard let s = x.shape, s.count >= 3 else { return [Value(kind: .float)] }
            return [Value(kind: .float, shape: Array(s[..<2]) + Array(repeating: 1, count: s.count - 2))]
        case "ReduceMean", "ReduceSum":
            return [reduce(x, axes: ints(attrs["axes"]) ?? input(1).ints, keep: int(attrs["keepdims"]) ?? 1)]
        case "ArgMax":
            guard var s = x.shape, let a = Shape.normalizeAxis(int(attrs["axis"]) ?? 0, rank: s.count) else {
                return [Value(kind: .int64)]
            }
            if int(attrs["keepdims"]) ?? 1 == 0 { s.remove(at: a) } else { s[a] = 1 }
            return [Value(kind: .int64, shape: s)]
        default:
            return []
        }
    }

    func int(_ a: AttributeValue?) -> Int? {
        if case .int(let v)? = a { return Int(v) }
        return nil
    }

    func ints(_ a: AttributeValue?) -> [Int]? {
        if case .ints(let v)? = a { return v.map { Int($0) } }
        return nil
    }

    /// Numpy broadcasting of possibly unknown shapes; nil when a rank is unknown or shapes clash.
    func broadcast(_ shapes: [[Int?]?]) -> [Int?]? {
        var out: [Int?] = []
        for s in shapes {
            guard let s else { return nil }
            let rank = max(out.count, s.count)
            var next: [Int?] = []
            for i in 0..<rank {
                let a = i < rank - out.count ? 1 : out[i - (rank - out.count)]
                let b = i < rank - s.count ? 1 : s[i - (rank - s.count)]
                switch (a, b) {
                case (1, _): next.append(b)
                case (_, 1): next.append(a)
                case (let p?, let q?): next.append(p == q ? p : nil)
                case (let p?, nil): next.append(p)
                case (nil, let q?): next.append(q)
                case (nil, nil): next.append(nil)
                }
            }
            out = next
        }
        return out
    }

    /// Elementwise integer arithmetic on followed shape values (same length or one scalar).
    func fold(_ op: String, _ x: Value, _ y: Value) -> [Int]? {
        guard let a = x.ints, let b = y.ints, x.kind == .int64, y.kind == .int64 else { return nil }
        guard a.count == b.count || a.count == 1 || b.count == 1 else { return nil }
        var out: [Int] = []
        for i in 0..<max(a.count, b.count) {
            let p = a[a.count == 1 ? 0 : i], q = b[b.count == 1 ? 0 : i]
            let r: (Int, Bool)
            switch op {
            case "Add": r = p.addingReportingOverflow(q)
            case "Sub": r = p.subtractingReportingOverflow(q)
            case "Mul": r = p.multipliedReportingOverflow(by: q)
            case "Div":
                guard q != 0 else { return nil }
                r = p.dividedReportingOverflow(by: q)
            default: return nil
            }
            guard !r.1 else { return nil }
            out.append(r.0)
        }
        return out
    }

    func shapeOf(_ x: Value, _ attrs: [String: AttributeValue]) -> Value {
        guard let s = x.shape else { return Value(kind: .int64) }
        let rank = s.count
        func clamp(_ v: Int) -> Int { min(max(v < 0 ? v + rank : v, 0), rank) }
        let start = clamp(int(attrs["start"]) ?? 0)
        let end = clamp(int(attrs["end"]) ?? rank)
        let dims = start < end ? Array(s[start..<end]) : []
        let known = dims.allSatisfy { $0 != nil } ? dims.compactMap { $0 } : nil
        return Value(kind: .int64, shape: [dims.count], ints: known)
    }

    func constant(_ attrs: [String: AttributeValue]) -> Value {
        switch attrs["value"] ?? attrs["value_ints"] ?? attrs["value_int"] ?? attrs["value_floats"]
            ?? attrs["value_float"]
        {
        case .tensor(let t)?:
            return Value(
                kind: t.elementKind, shape: t.shape.map { $0 },
                ints: t.count <= Self.maxFollowedInts ? t.intContents : nil)
        case .ints(let v)?:
            return Value(
                kind: .int64, shape: [v.count], ints: v.count <= Self.maxFollowedInts ? v.map { Int($0) } : nil)
        case .int(let v)?: return Value(kind: .int64, shape: [], ints: [Int(v)])
        case .floats(let v)?: return Value(kind: .float, shape: [v.count])
        case .float?: return Value(kind: .float, shape: [])
        default: return Value()
        }
    }

    func reshape(_ x: Value, _ target: Value, allowZero: Bool) -> Value {
        guard let requested = target.ints else {
            return Value(kind: x.kind, shape: unknownShape(rank: target.shape))
        }
        var shape: [Int?] = requested.enumerated().map { i, d in
            if d == 0 && !allowZero { return x.shape.flatMap { i < $0.count ? $0[i] : nil } }
            return d == -1 ? nil : d
        }
        if let inferred = requested.firstIndex(of: -1), let xs = x.shape, xs.allSatisfy({ $0 != nil }),
            let total = Shape.checkedCount(xs.compactMap { $0 })
        {
            let others = shape.enumerated().filter { $0.offset != inferred }.map(\.element)
            if others.allSatisfy({ $0 != nil }), let rest = Shape.checkedCount(others.compactMap { $0 }), rest > 0 {
                shape[inferred] = total / rest
            }
        }
        return Value(kind: x.kind, shape: shape, ints: x.ints)
    }

    func flatten(_ x: Value, axis: Int) -> Value {
        guard let s = x.shape else { return Value(kind: x.kind) }
        let a = axis < 0 ? axis + s.count : axis
        guard a >= 0, a <= s.count else { return Value(kind: x.kind) }
        func product(_ part: ArraySlice<Int?>) -> Int? {
            guard part.allSatisfy({ $0 != nil }) else { return nil }
            return Shape.checkedCount(part.compactMap { $0 })
        }
        return Value(kind: x.kind, shape: [product(s[..<a]), product(s[a...])])
    }

    func unsqueeze(_ x: Value, axes: [Int]?) -> Value {
        guard let s = x.shape, let axes else { return Value(kind: x.kind) }
        let rank = s.count + axes.count
        let normalized = Set(axes.map { $0 < 0 ? $0 + rank : $0 })
        guard normalized.count == axes.count, normalized.allSatisfy({ $0 >= 0 && $0 < rank }) else {
            return Value(kind: x.kind)
        }
        var rest = s.makeIterator()
        let shape: [Int?] = (0..<rank).map { normalized.contains($0) ? 1 : (rest.next() ?? nil) }
        return Value(kind: x.kind, shape: shape, ints: x.ints)
    }

    func squeeze(_ x: Value, axes: [Int]?) -> Value {
        guard let s = x.shape else { return Value(kind: x.kind) }
        let drop: Set<Int>
        if let axes {
            drop = Set(axes.map { $0 < 0 ? $0 + s.count : $0 })
        } else {
            guard s.allSatisfy({ $0 != nil }) else { return Value(kind: x.kind) }
            drop = Set(s.indices.filter { s[$0] == 1 })
        }
        return Value(kind: x.kind, shape: s.indices.filter { !drop.contains($0) }.map { s[$0] }, ints: x.ints)
    }

    func concat(_ parts: [Value], axis: Int) -> Value {
        guard let first = parts.first else { return Value() }
        let kind = first.kind
        guard let rank = first.shape?.count, let a = Shape.normalizeAxis(axis, rank: rank) else {
            return Value(kind: kind)
        }
        var shape: [Int?] = Array(repeating: nil, count: rank)
        var along: Int? = 0
        for p in parts {
            guard let s = p.shape, s.count == rank else { return Value(kind: kind) }
            for d in 0..<rank where d != a && shape[d] == nil { shape[d] = s[d] }
            // An unknown extent counts as 1 (a lower bound).
            let (sum, overflow) = (along ?? 0).addingReportingOverflow(s[a] ?? 1)
            along = overflow ? nil : sum
        }
        shape[a] = along ?? Int.max
        var ints: [Int]? = []
        for p in parts {
            guard let v = p.ints, var all = ints else {
                ints = nil
                break
            }
            all += v
            ints = all
        }
        return Value(kind: kind, shape: shape, ints: (ints?.count ?? Int.max) <= Self.maxFollowedInts ? ints : nil)
    }

    func gather(_ data: Value, _ indices: Value, axis: Int) -> Value {
        guard let s = data.shape, let a = Shape.normalizeAxis(axis, rank: s.count), let idx = indices.shape else {
            return Value(kind: data.kind)
        }
        var ints: [Int]?
        if let v = data.ints, s.count == 1, let picks = indices.ints {
            ints = []
            for p in picks {
                let j = p < 0 ? p + v.count : p
                guard j >= 0 && j < v.count else {
                    ints = nil
                    break
                }
                ints?.append(v[j])
            }
        }
        return Value(kind: data.kind, shape: Array(s[..<a]) + idx + Array(s[(a + 1)...]), ints: ints)
    }

    func slice(_ node: Node, _ ins: [Value?], opset: Int) -> Value {
        let x = (ins.first ?? nil) ?? Value()
        guard let s = x.shape else { return Value(kind: x.kind) }
        func input(_ i: Int) -> [Int]? { i < ins.count ? ins[i]?.ints : nil }
        let starts: [Int]?
        let ends: [Int]?
        var axes: [Int]?
        var steps: [Int]?
        if opset < 10 {
            starts = ints(node.attributes["starts"])
            ends = ints(node.attributes["ends"])
            axes = ints(node.attributes["axes"])
        } else {
            starts = input(1)
            ends = input(2)
            axes = node.inputs.count > 3 && !node.inputs[3].isEmpty ? input(3) : nil
            steps = node.inputs.count > 4 && !node.inputs[4].isEmpty ? input(4) : nil
            if node.inputs.count > 3 && !node.inputs[3].isEmpty && axes == nil { return unknownDims(x) }
            if node.inputs.count > 4 && !node.inputs[4].isEmpty && steps == nil { return unknownDims(x) }
        }
        guard let starts, let ends, starts.count == ends.count else { return unknownDims(x) }
        let axisList = axes ?? Array(0..<starts.count)
        let stepList = steps ?? Array(repeating: 1, count: starts.count)
        guard axisList.count == starts.count, stepList.count == starts.count else { return unknownDims(x) }
        var shape = s
        var picked: [Int]? = x.ints
        for (i, rawAxis) in axisList.enumerated() {
            guard let a = Shape.normalizeAxis(rawAxis, rank: s.count), stepList[i] != 0, stepList[i] != Int.min
            else {
                return unknownDims(x)
            }
            guard let dim = s[a] else {
                shape[a] = nil
                picked = nil
                continue
            }
            let step = stepList[i]
            func clampIndex(_ v: Int, low: Int, high: Int) -> Int {
                let w = v < 0 ? (v < -dim ? low : v + dim) : v
                return min(max(w, low), high)
            }
            let lo = step > 0 ? 0 : -1
            let hi = step > 0 ? dim : dim - 1
            let b = clampIndex(starts[i], low: lo, high: hi)
            let e = clampIndex(ends[i], low: lo, high: hi)
            let distance = step > 0 ? e - b : b - e
            let magnitude = step > 0 ? step : -step
            let n = distance <= 0 ? 0 : distance / magnitude + (distance % magnitude == 0 ? 0 : 1)
            shape[a] = n
            if let v = picked, s.count == 1 {
                picked = stride(from: b, to: e, by: step).filter { $0 >= 0 && $0 < v.count }.map { v[$0] }
            } else {
                picked = nil
            }
        }
        return Value(kind: x.kind, shape: shape, ints: picked)
    }

    /// A shape of unknown dimensions whose rank is the length of a 1-D shape vector of shape
    /// `vector`, when that length is known and plausible.
    func unknownShape(rank vector: [Int?]?) -> [Int?]? {
        guard let vector, vector.count == 1, let rank = vector[0], rank >= 0, rank <= 64 else { return nil }
        return Array(repeating: nil, count: rank)
    }

    func unknownDims(_ x: Value) -> Value {
        Value(kind: x.kind, shape: x.shape.map { Array(repeating: nil, count: $0.count) })
    }

    func matMul(_ a: [Int?]?, _ b: [Int?]?) -> Value {
        guard let a, let b, !a.isEmpty, !b.isEmpty else { return Value(kind: .float) }
        let a2 = a.count == 1 ? [1] + a : a
        let b2 = b.count == 1 ? b + [1] : b
        guard let batch = broadcast([Array(a2.dropLast(2)), Array(b2.dropLast(2))]) else { return Value(kind: .float) }
        var shape = batch
        if a.count > 1 { shape.append(a2[a2.count - 2]) }
        if b.count > 1 { shape.append(b2[b2.count - 1]) }
        return Value(kind: .float, shape: shape)
    }

    func reduce(_ x: Value, axes: [Int]?, keep: Int) -> Value {
        guard let s = x.shape else { return Value(kind: x.kind) }
        guard let axes else {
            return Value(kind: x.kind, shape: keep == 1 ? Array(repeating: 1, count: s.count) : [])
        }
        let set = Set(axes.compactMap { Shape.normalizeAxis($0, rank: s.count) })
        let shape: [Int?] =
            keep == 1
            ? s.indices.map { set.contains($0) ? 1 : s[$0] } : s.indices.filter { !set.contains($0) }.map { s[$0] }
        return Value(kind: x.kind, shape: shape)
    }

    /// Conv, MaxPool, AveragePool: the window geometry is planned (and checked) exactly as the kernel
    /// will plan it, once the spatial dimensions are known.
    func window(_ node: Node, _ x: Value, _ w: Value) throws -> [Value] {
        guard let s = x.shape, s.count >= 3 else { return [Value(kind: .float)] }
        let context = NeuralNodeContext(node)
        let isConv = node.opType == "Conv"
        guard let window = try? SpatialWindow(context, requireKernelShape: !isConv, supportsCeilMode: !isConv) else {
            return [Value(kind: .float)]
        }
        let channels: Int?
        var kernel = window.kernelShape
        var rows = 1
        if isConv {
            guard let ws = w.shape, ws.count == s.count else { return [Value(kind: .float, shape: s.map { _ in nil })] }
            channels = ws[0]
            if ws[2...].allSatisfy({ $0 != nil }) { kernel = ws[2...].compactMap { $0 } }
            rows = ws[1] ?? 1
        } else {
            channels = s[1]
        }
        let spatial = Array(s[2...])
        guard let kernel, spatial.allSatisfy({ $0 != nil }) else {
            return [Value(kind: .float, shape: [s[0], channels] + spatial.map { _ in nil })]
        }
        let planes = TensorBudget.product(s[0] ?? 1, channels ?? 1) ?? Int.max
        let plan: SpatialPlan
        do {
            plan = try window.plan(
                inputSpatial: spatial.compactMap { $0 }, kernel: kernel, planes: planes, windowRows: rows)
        } catch NeuralKernelError.outputTooLarge(let op, let name, let what, let limit) {
            throw NeuralKernelError.outputTooLarge(opType: op, node: name, what: what, limit: limit)
        } catch {
            // Other attribute and shape errors are the kernel's to report when it is built or run.
            return [Value(kind: .float, shape: [s[0], channels] + spatial.map { _ in nil })]
        }
        let shape: [Int?] = [s[0], channels] + plan.outputSpatial.map { $0 }
        return [Value(kind: .float, shape: shape), Value(kind: .int64, shape: shape)]
    }
}

extension Tensor {
    /// The elements as Ints when the tensor holds integers.
    var intContents: [Int]? {
        if case .int64(let v) = storage { return v.map { Int(truncatingIfNeeded: $0) } }
        return nil
    }
}

/// Kernels that only change the shape: the gradient is the output gradient reshaped back.
protocol ReshapingKernel: Kernel {}

extension ReshapingKernel {
    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let x = inputs.first ?? nil else { return [nil] }
        return [Tensor(shape: x.shape, storage: g.storage)]
    }
}

/// ONNX Identity.
struct IdentityKernel: ReshapingKernel {
    static let opType = "Identity"
    let ctx: KernelContext
    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        KernelOutput(outputs: [try ctx.input(inputs, 0)])
    }
}

/// ONNX Dropout at inference: the input unchanged, and an all-true mask when one is requested.
/// A graph that switches on `training_mode` (opset 12+) with a non-zero ratio is rejected rather
/// than run without its randomness.
struct DropoutKernel: ReshapingKernel {
    static let opType = "Dropout"
    let ctx: KernelContext
    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        if let training = ctx.optionalInput(inputs, 2), (try? training.asBools().first) == true {
            let ratio = try ctx.optionalInput(inputs, 1)?.asFloats().first ?? 0.5
            if ratio > 0 {
                throw ctx.fail("training_mode is true: random dropout is not supported; export the model in eval mode")
            }
        }
        let mask = Tensor(shape: x.shape, storage: .bool([Bool](repeating: true, count: x.count)))
        return KernelOutput(outputs: [x, mask])
    }
}

/// ONNX Flatten: (d0 … d[axis-1], d[axis] … dn) → 2-D.
struct FlattenKernel: ReshapingKernel {
    static let opType = "Flatten"
    let ctx: KernelContext
    let axis: Int
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axis = try ctx.int("axis", default: 1)
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let a = axis < 0 ? axis + x.rank : axis
        guard a >= 0 && a <= x.rank else { throw ctx.fail("axis \(axis) is out of range for rank \(x.rank)") }
        let shape = [Shape.product(x.shape, 0..<a), Shape.product(x.shape, a..<x.rank)]
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}

/// ONNX Reshape: 0 copies the input dimension (unless `allowzero`), -1 is inferred.
struct ReshapeKernel: ReshapingKernel {
    static let opType = "Reshape"
    let ctx: KernelContext
    let allowZero: Bool
    let shapeAttribute: [Int]?
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        allowZero = try ctx.int("allowzero", default: 0) != 0
        shapeAttribute = opset < 5 ? try ctx.ints("shape") : nil
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let requested = try shapeAttribute ?? ctx.intValues(inputs, 1)
        var shape: [Int] = []
        var inferred: Int?
        for (i, d) in requested.enumerated() {
            if d == 0 && !allowZero {
                guard i < x.rank else { throw ctx.fail("shape \(requested) copies dimension \(i) of \(x.shape)") }
                shape.append(x.shape[i])
            } else if d == -1 {
                guard inferred == nil else { throw ctx.fail("shape \(requested) has more than one -1") }
                inferred = i
                shape.append(1)
            } else if d < 0 {
                throw ctx.fail("shape \(requested) has a negative dimension")
            } else {
                shape.append(d)
            }
        }
        if let i = inferred {
            let known = Shape.count(shape)
            guard known > 0, x.count % known == 0 else {
                throw ctx.fail("cannot reshape \(x.shape) (\(x.count) elements) to \(requested)")
            }
            shape[i] = x.count / known
        }
        guard Shape.count(shape) == x.count else {
            throw ctx.fail("cannot reshape \(x.shape) (\(x.count) elements) to \(requested)")
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}

/// ONNX Squeeze: axes from the attribute (opset < 13) or the second input; none removes every 1.
struct SqueezeKernel: ReshapingKernel {
    static let opType = "Squeeze"
    let ctx: KernelContext
    let axesAttribute: [Int]?
    let axesFromInput: Bool
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axesFromInput = opset >= 13
        axesAttribute = axesFromInput ? nil : try ctx.ints("axes")
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let axes = axesFromInput ? try ctx.optionalIntValues(inputs, 1) : axesAttribute
        var shape: [Int]
        if let axes {
            var drop = Set<Int>()
            for a in axes {
                let n = try ctx.axis(a, rank: x.rank)
                guard x.shape[n] == 1 else { throw ctx.fail("cannot squeeze axis \(a) of shape \(x.shape): size is not 1") }
                drop.insert(n)
            }
            shape = x.shape.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        } else {
            shape = x.shape.filter { $0 != 1 }
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}

/// ONNX Unsqueeze: axes (of the output) from the attribute (opset < 13) or the second input.
struct UnsqueezeKernel: ReshapingKernel {
    static let opType = "Unsqueeze"
    let ctx: KernelContext
    let axesAttribute: [Int]?
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        if opset < 13 {
            guard let a = try ctx.ints("axes") else { throw ctx.attributeError("axes", "is required") }
            axesAttribute = a
        } else {
            axesAttribute = nil
        }
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let axes = try axesAttribute ?? ctx.intValues(inputs, 1)
        let rank = x.rank + axes.count
        var inserted = Set<Int>()
        for a in axes {
            let n = try ctx.axis(a, rank: rank)
            guard inserted.insert(n).inserted else { throw ctx.fail("axis \(a) is repeated in \(axes)") }
        }
        var shape: [Int] = []
        var next = 0
        for i in 0..<rank {
            if inserted.contains(i) {
                shape.append(1)
            } else {
                shape.append(x.shape[next])
                next += 1
            }
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}

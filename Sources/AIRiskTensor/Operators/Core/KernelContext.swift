/// The node a kernel was built from, kept for error messages, with typed access to attributes
/// (``NodeAttributes``) and inputs that throw ``OperatorError`` naming the node.
struct KernelContext: NodeAttributes, Sendable {
    let name: String
    let opType: String
    let attributes: [String: AttributeValue]

    init(_ node: Node) {
        name = node.name
        opType = node.opType
        attributes = node.attributes
    }

    // MARK: Attributes

    func attributeError(_ key: String, _ reason: String) -> OperatorError {
        .invalidAttribute(node: name, opType: opType, attribute: key, reason: reason)
    }

    // MARK: Inputs

    func fail(_ reason: String) -> OperatorError { .unsupported(node: name, opType: opType, reason: reason) }

    func inputError(_ index: Int, _ reason: String) -> OperatorError {
        .invalidInput(node: name, opType: opType, index: index, reason: reason)
    }

    func input(_ inputs: [Tensor?], _ index: Int) throws -> Tensor {
        guard index < inputs.count, let t = inputs[index] else {
            throw OperatorError.missingInput(node: name, opType: opType, index: index)
        }
        return t
    }

    func optionalInput(_ inputs: [Tensor?], _ index: Int) -> Tensor? {
        index < inputs.count ? inputs[index] : nil
    }

    func floats(_ t: Tensor, input index: Int) throws -> [Float] {
        guard case .float(let v) = t.storage else {
            throw inputError(index, "must be a float tensor, got \(t.elementTypeName)")
        }
        return v
    }

    func floatInput(_ inputs: [Tensor?], _ index: Int) throws -> (Tensor, [Float]) {
        let t = try input(inputs, index)
        return (t, try floats(t, input: index))
    }

    /// An integer input (shape, axes, indices) as Ints; float inputs holding integers are accepted.
    func intValues(_ inputs: [Tensor?], _ index: Int) throws -> [Int] {
        let t = try input(inputs, index)
        switch t.storage {
        case .int64(let v): return v.map { Int(truncatingIfNeeded: $0) }
        case .float(let v): return v.map { Int(Tensor.truncatingInt64($0)) }
        case .double(let v): return v.map { Int(Tensor.truncatingInt64($0)) }
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        case .string: throw inputError(index, "must be an integer tensor, got string")
        }
    }

    func optionalIntValues(_ inputs: [Tensor?], _ index: Int) throws -> [Int]? {
        guard index < inputs.count, inputs[index] != nil else { return nil }
        return try intValues(inputs, index)
    }

    func axis(_ axis: Int, rank: Int) throws -> Int {
        guard let a = Shape.normalizeAxis(axis, rank: rank) else {
            throw fail("axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        return a
    }

    /// Throws ``OperatorError/outputTooLarge(node:opType:shape:elementType:limit:)`` unless an output of
    /// `shape` and `kind` fits under ``TensorBudget/maxBytes``; call before allocating it.
    func checkOutput(_ shape: [Int], _ kind: ElementKind) throws {
        guard TensorBudget.fits(shape, kind) else {
            throw OperatorError.outputTooLarge(
                node: name, opType: opType, shape: shape, elementType: kind.rawValue, limit: TensorBudget.maxBytes)
        }
    }

    /// Inputs 0 and 1 of a broadcasting binary operator, with their broadcast shape.
    func broadcastOperands(_ inputs: [Tensor?]) throws -> (Tensor, Tensor, [Int]) {
        let a = try input(inputs, 0)
        let b = try input(inputs, 1)
        return (a, b, try broadcastShape(a.shape, b.shape))
    }

    func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        do {
            return try Broadcast.shape(a, b)
        } catch {
            throw fail(error.description)
        }
    }
}

/// A kernel that keeps nothing from its node but the ``KernelContext`` (it has no attributes, or reads
/// them when it runs).
protocol ContextKernel: Kernel {
    var ctx: KernelContext { get }
    init(ctx: KernelContext)
}

extension ContextKernel {
    init(node: Node, opset: Int) throws { self.init(ctx: KernelContext(node)) }
}

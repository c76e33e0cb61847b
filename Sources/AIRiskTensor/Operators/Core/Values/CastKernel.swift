/// ONNX Cast. Floating types map to float32 storage and integer types to int64 storage, so a cast
/// between two types of one storage (float ↔ double, int32 ↔ int64) keeps the values (a cast to a
/// narrower integer type wraps, as numpy does). Differentiable only float → float.
struct CastKernel: Kernel {
    static let opType = "Cast"
    let ctx: KernelContext
    let target: ElementKind
    let code: Int

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        let to: Int
        if let i = try? ctx.int("to") {
            to = i
        } else if case .string(let s)? = node.attributes["to"] {
            // Opset 1 named the type.
            to =
                ["FLOAT": 1, "UINT8": 2, "INT8": 3, "INT32": 6, "INT64": 7, "STRING": 8, "BOOL": 9, "DOUBLE": 11][s]
                ?? -1
        } else {
            throw ctx.attributeError("to", "is required")
        }
        guard let kind = ElementKind(onnxDataType: to) else {
            throw ctx.attributeError("to", "names data type \(to), which the engine does not support")
        }
        target = kind
        code = to
    }

    func passesGradient(fromInput index: Int) -> Bool { target == .float }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        var y: Tensor
        do {
            y = try x.converted(to: target)
        } catch {
            throw ctx.fail(error.description)
        }
        if case .int64(let v) = y.storage, x.elementKind != .int64 || code != 7 {
            y.storage = .int64(v.map(wrap))
        } else if case .float(let v) = y.storage, code == 10 || code == 16 {
            y.storage = .float(v.map(narrow))
        }
        return KernelOutput(outputs: [y])
    }

    /// Wraps to the target integer width, as a C cast does.
    func wrap(_ v: Int64) -> Int64 {
        switch code {
        case 2: Int64(UInt8(truncatingIfNeeded: v))
        case 3: Int64(Int8(truncatingIfNeeded: v))
        case 4: Int64(UInt16(truncatingIfNeeded: v))
        case 5: Int64(Int16(truncatingIfNeeded: v))
        case 6: Int64(Int32(truncatingIfNeeded: v))
        case 12: Int64(UInt32(truncatingIfNeeded: v))
        default: v
        }
    }

    /// Rounds to the precision of float16 / bfloat16 targets.
    func narrow(_ v: Float) -> Float {
        if code == 16 {
            // bfloat16 keeps the top 16 bits, rounding to nearest even.
            let bits = v.bitPattern
            if v.isNaN { return v }
            let rounded = bits &+ 0x7FFF &+ ((bits >> 16) & 1)
            return Float(bitPattern: rounded & 0xFFFF_0000)
        }
        #if arch(arm64) || arch(x86_64)
            return Float(Float16(v))
        #else
            return v
        #endif
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard target == .float, let g = outputGradients.first ?? nil, let x = inputs.first ?? nil,
            x.elementKind == .float
        else { return [nil] }
        return [g]
    }
}

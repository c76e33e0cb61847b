import Foundation

/// ONNX Range: start, start + delta, … up to (excluding) limit; float or int64 scalars.
/// The element count max(ceil((limit − start) / delta), 0) is checked before allocating.
struct RangeKernel: ForwardOnlyKernel, ContextKernel {
    static let opType = "Range"
    static let maxElements = 1 << 31
    let ctx: KernelContext

    static func count(start: Double, limit: Double, delta: Double) -> Int? {
        guard delta != 0, start.isFinite, limit.isFinite, delta.isFinite else { return nil }
        let n = max(Foundation.ceil((limit - start) / delta), 0)
        return n <= Double(maxElements) ? Int(n) : nil
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let s = try ctx.input(inputs, 0)
        let l = try ctx.input(inputs, 1)
        let d = try ctx.input(inputs, 2)
        switch (s.storage, l.storage, d.storage) {
        case (.float(let a), .float(let b), .float(let c)) where a.count == 1 && b.count == 1 && c.count == 1:
            guard let n = Self.count(start: Double(a[0]), limit: Double(b[0]), delta: Double(c[0])) else {
                throw ctx.fail("start \(a[0]), limit \(b[0]) and delta \(c[0]) do not give a bounded range")
            }
            try ctx.checkOutput([n], .float)
            return KernelOutput(outputs: [Tensor(shape: [n], scalars: (0..<n).map { a[0] + Float($0) * c[0] })])
        case (.int64(let a), .int64(let b), .int64(let c)) where a.count == 1 && b.count == 1 && c.count == 1:
            guard let n = Self.count(start: Double(a[0]), limit: Double(b[0]), delta: Double(c[0])) else {
                throw ctx.fail("start \(a[0]), limit \(b[0]) and delta \(c[0]) do not give a bounded range")
            }
            try ctx.checkOutput([n], .int64)
            return KernelOutput(outputs: [Tensor(shape: [n], int64: (0..<n).map { a[0] &+ Int64($0) &* c[0] })])
        default:
            throw ctx.fail("start, limit and delta must be scalars of one numeric type")
        }
    }
}

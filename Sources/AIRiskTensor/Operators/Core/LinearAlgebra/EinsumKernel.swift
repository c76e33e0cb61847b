import Foundation

/// ONNX Einsum (opset 12): Einstein summation over the `equation`'s subscripts, with `...` for broadcast
/// dimensions and an implicit output (the labels used once, sorted, after the ellipsis) when `->` is absent.
/// Computes every output element as the sum over the contracted labels of the product of the operands' elements,
/// in float32. Declared not differentiable: graphs through it report no input gradients.
struct EinsumKernel: ForwardOnlyKernel {
    static let opType = "Einsum"
    let ctx: KernelContext
    /// Per operand, its subscripts as label codes; `-1` marks where the ellipsis stands.
    let operands: [[Int]]
    /// The output's subscripts (explicit), or nil for the implicit form.
    let explicitOutput: [Int]?
    /// The most products one evaluation may sum (the direct loop is exponential in the number of labels).
    static let maxWork = 1 << 31

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        guard let equation = try ctx.string("equation") else { throw ctx.attributeError("equation", "is required") }
        let text = equation.filter { $0 != " " }
        let sides = text.components(separatedBy: "->")
        guard sides.count <= 2 else { throw ctx.attributeError("equation", "has more than one '->'") }
        let context = ctx
        operands = try sides[0].split(separator: ",", omittingEmptySubsequences: false).map {
            try Self.parse($0, context)
        }
        explicitOutput = sides.count == 2 ? try Self.parse(Substring(sides[1]), context) : nil
    }

    /// One term's labels as character codes, `-1` where the ellipsis stands.
    static func parse(_ term: Substring, _ ctx: KernelContext) throws -> [Int] {
        var labels: [Int] = []
        var rest = term
        while let c = rest.first {
            if rest.hasPrefix("...") {
                guard !labels.contains(-1) else {
                    throw ctx.attributeError("equation", "has two ellipses in one term '\(term)'")
                }
                labels.append(-1)
                rest = rest.dropFirst(3)
            } else if let a = c.asciiValue, c.isLetter {
                labels.append(Int(a))
                rest = rest.dropFirst()
            } else {
                throw ctx.attributeError("equation", "has '\(c)' in '\(term)'; only letters and '...' are allowed")
            }
        }
        return labels
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard inputs.count == operands.count else {
            throw ctx.fail("the equation names \(operands.count) operands but the node has \(inputs.count) inputs")
        }
        var values: [[Float]] = []
        var shapes: [[Int]] = []
        for i in inputs.indices {
            let t = try ctx.input(inputs, i)
            do { values.append(try t.asFloats()) } catch { throw ctx.inputError(i, error.description) }
            shapes.append(t.shape)
        }
        // The ellipsis dimensions, broadcast across operands (right-aligned).
        var ellipsis: [Int] = []
        var sizes: [Int: Int] = [:]
        for (k, labels) in operands.enumerated() {
            let named = labels.filter { $0 >= 0 }.count
            guard labels.contains(-1) ? shapes[k].count >= named : shapes[k].count == named else {
                throw ctx.inputError(k, "has rank \(shapes[k].count), which the equation's term does not match")
            }
            let ellipsisRank = shapes[k].count - named
            var axis = 0
            for label in labels {
                if label == -1 {
                    let dims = Array(shapes[k][axis..<(axis + ellipsisRank)])
                    ellipsis = try ctx.broadcastShape(ellipsis, dims)
                    axis += ellipsisRank
                } else {
                    let n = shapes[k][axis]
                    if let known = sizes[label], known != n {
                        guard known == 1 || n == 1 else {
                            throw ctx.inputError(
                                k,
                                "label '\(Character(Unicode.Scalar(UInt8(label))))' has size \(n), elsewhere \(known)")
                        }
                        sizes[label] = Swift.max(known, n)
                    } else {
                        sizes[label] = n
                    }
                    axis += 1
                }
            }
        }
        // Ellipsis dimensions get label codes 1000, 1001, … (right-aligned positions).
        let ellipsisLabels = ellipsis.indices.map { 1000 + $0 }
        for (i, n) in ellipsis.enumerated() { sizes[1000 + i] = n }
        func expand(_ labels: [Int]) -> [Int] {
            labels.flatMap { $0 == -1 ? ellipsisLabels : [$0] }
        }
        let outputLabels: [Int]
        if let explicitOutput {
            outputLabels = expand(explicitOutput)
            for label in outputLabels where sizes[label] == nil {
                throw ctx.attributeError(
                    "equation", "output label '\(Character(Unicode.Scalar(UInt8(label))))' appears in no operand")
            }
        } else {
            let all = operands.flatMap { $0.filter { $0 >= 0 } }
            let once = Set(all.filter { l in all.filter { $0 == l }.count == 1 })
            outputLabels = ellipsisLabels + once.sorted()
        }
        let summed = Array(Set(sizes.keys).subtracting(outputLabels)).sorted()
        let loopLabels = outputLabels + summed
        let loopSizes = loopLabels.map { sizes[$0] ?? 1 }
        let outShape = outputLabels.map { sizes[$0] ?? 1 }
        try ctx.checkOutput(outShape, .float)
        var work = 1
        for n in loopSizes {
            let (product, overflow) = work.multipliedReportingOverflow(by: Swift.max(n, 1))
            guard !overflow, product <= Self.maxWork else {
                throw ctx.fail("the equation needs more than \(Self.maxWork) multiply-adds")
            }
            work = product
        }
        // For each operand, the stride of every loop label (0 where absent or broadcast).
        var strides: [[Int]] = []
        for (k, labels) in operands.enumerated() {
            let ellipsisRank = shapes[k].count - labels.filter { $0 >= 0 }.count
            var axisLabels: [Int] = []
            for label in labels {
                if label == -1 {
                    axisLabels += ellipsisLabels.suffix(ellipsisRank)
                } else {
                    axisLabels.append(label)
                }
            }
            let s = Shape.strides(shapes[k])
            strides.append(
                loopLabels.map { label in
                    var total = 0
                    for (axis, l) in axisLabels.enumerated() where l == label && shapes[k][axis] != 1 {
                        total += s[axis]
                    }
                    return total
                })
        }
        let outCount = outShape.reduce(1, *)
        let innerCount = summed.map { sizes[$0] ?? 1 }.reduce(1, *)
        var out = [Float](repeating: 0, count: outCount)
        guard outCount > 0 else { return KernelOutput(outputs: [Tensor(shape: outShape, scalars: out)]) }
        var index = [Int](repeating: 0, count: loopLabels.count)
        var offsets = [Int](repeating: 0, count: operands.count)
        for o in 0..<outCount {
            var acc: Float = 0
            for _ in 0..<innerCount {
                var product: Float = 1
                for k in operands.indices { product *= values[k][offsets[k]] }
                acc += product
                // Advance the index, last label fastest.
                var d = loopLabels.count - 1
                while d >= 0 {
                    index[d] += 1
                    for k in operands.indices { offsets[k] += strides[k][d] }
                    if index[d] < loopSizes[d] { break }
                    for k in operands.indices { offsets[k] -= strides[k][d] * loopSizes[d] }
                    index[d] = 0
                    d -= 1
                }
            }
            out[o] = acc
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, scalars: out)])
    }
}

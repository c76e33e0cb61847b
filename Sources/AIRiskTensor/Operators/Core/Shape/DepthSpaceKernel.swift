/// ONNX DepthToSpace (`mode` DCR or CRD) and SpaceToDepth on [N, C, H, W] tensors with
/// `blocksize`: pure data movement, differentiable (the gradient moves back).
struct DepthSpaceKernel<D: DepthSpaceDirection>: GatheringKernel {
    static var opType: String { D.opType }
    let ctx: KernelContext
    let block: Int
    let crd: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        guard let b = try ctx.int("blocksize"), b > 0 else {
            throw ctx.attributeError("blocksize", "is required and must be positive")
        }
        block = b
        let mode = try ctx.string("mode") ?? "DCR"
        guard mode == "DCR" || mode == "CRD" else { throw ctx.attributeError("mode", "must be DCR or CRD") }
        crd = mode == "CRD"
    }

    /// For every output element its source offset, and the output shape.
    func plan(_ shape: [Int]) throws -> ([Int], [Int]) {
        guard shape.count == 4 else { throw ctx.inputError(0, "must be [N, C, H, W], got \(shape)") }
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let b = block
        if D.toSpace {
            guard c % (b * b) == 0 else { throw ctx.inputError(0, "has \(c) channels, not a multiple of \(b * b)") }
            let oc = c / (b * b)
            let out = [n, oc, h * b, w * b]
            var map = [Int](repeating: 0, count: Shape.count(out))
            var e = 0
            for bn in 0..<n {
                for ch in 0..<oc {
                    for y in 0..<(h * b) {
                        for x in 0..<(w * b) {
                            let (by, bx) = (y % b, x % b)
                            let src = crd ? ch * b * b + by * b + bx : (by * b + bx) * oc + ch
                            map[e] = ((bn * c + src) * h + y / b) * w + x / b
                            e += 1
                        }
                    }
                }
            }
            return (map, out)
        }
        guard h % b == 0, w % b == 0 else {
            throw ctx.inputError(0, "spatial size \(h)×\(w) is not a multiple of \(b)")
        }
        let out = [n, c * b * b, h / b, w / b]
        var map = [Int](repeating: 0, count: Shape.count(out))
        var e = 0
        for bn in 0..<n {
            for och in 0..<(c * b * b) {
                let ch = och % c
                let blockIndex = och / c
                let (by, bx) = (blockIndex / b, blockIndex % b)
                for y in 0..<(h / b) {
                    for x in 0..<(w / b) {
                        map[e] = ((bn * c + ch) * h + y * b + by) * w + x * b + bx
                        e += 1
                    }
                }
            }
        }
        return (map, out)
    }

    func sourceMap(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int]) {
        let x = try ctx.input(inputs, 0)
        let (map, shape) = try plan(x.shape)
        return (x, shape, map)
    }
}

protocol DepthSpaceDirection: Sendable {
    static var opType: String { get }
    static var toSpace: Bool { get }
}

enum DepthToSpace: DepthSpaceDirection {
    static let opType = "DepthToSpace"
    static let toSpace = true
}

enum SpaceToDepth: DepthSpaceDirection {
    static let opType = "SpaceToDepth"
    static let toSpace = false
}

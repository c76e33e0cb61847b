import Foundation

/// GELU, x·Φ(x): ONNX Gelu (opset 20, `approximate` "none" or "tanh") and com.microsoft Gelu
/// (always the exact erf form).
struct GeluFunction: UnaryFunction {
    static let opType = "Gelu"
    let usesTanh: Bool

    init(_ ctx: KernelContext) throws {
        let mode = try ctx.string("approximate") ?? "none"
        guard mode == "none" || mode == "tanh" else {
            throw ctx.attributeError("approximate", "is '\(mode)'; expected 'none' or 'tanh'")
        }
        usesTanh = mode == "tanh"
    }

    init(usesTanh: Bool) { self.usesTanh = usesTanh }

    static let sqrtTwoOverPi: Float = 0.7978845608
    static let cubic: Float = 0.044715

    func apply(_ x: Float) -> Float {
        if usesTanh {
            let u = Self.sqrtTwoOverPi * (x + Self.cubic * x * x * x)
            return 0.5 * x * (1 + Foundation.tanh(u))
        }
        return 0.5 * x * (1 + Foundation.erf(x * 0.7071067812))
    }

    func derivative(x: Float, y: Float) -> Float {
        if usesTanh {
            let u = Self.sqrtTwoOverPi * (x + Self.cubic * x * x * x)
            let t = Foundation.tanh(u)
            let du = Self.sqrtTwoOverPi * (1 + 3 * Self.cubic * x * x)
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du
        }
        let density = 0.3989422804 * Foundation.exp(-0.5 * x * x)
        return 0.5 * (1 + Foundation.erf(x * 0.7071067812)) + x * density
    }
}

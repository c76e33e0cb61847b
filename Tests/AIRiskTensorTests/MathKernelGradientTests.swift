import Testing

@testable import AIRiskTensor

/// Gradients of the elementwise math, Trilu and variadic kernels added for the ONNX node tests,
/// against finite differences (their values are checked by the node tests themselves).
@Suite("Math, Trilu and variadic kernel gradients")
struct MathKernelGradientTests {
    @Test(
        "smooth unary functions",
        arguments: [
            "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Atanh", "Softplus", "Softsign",
            "HardSigmoid", "Selu", "HardSwish", "Mish", "Celu",
        ])
    func unary(op: String) throws {
        try TestSupport.checkNode(op, [Tensor(vector: [-0.7, -0.2, 0.3, 0.6])], wrt: [0])
    }

    @Test("Acosh away from its domain's edge; rounding functions have zero gradient")
    func edges() throws {
        try TestSupport.checkNode("Acosh", [Tensor(vector: [1.5, 2.2, 3.1])], wrt: [0])
        for op in ["Ceil", "Floor", "Round", "Sign"] {
            try TestSupport.checkNode(op, [Tensor(vector: [-0.7, 0.3, 1.6])], wrt: [0])
        }
    }

    @Test("Trilu masks the gradient like the values")
    func trilu() throws {
        let x = Tensor(shape: [2, 3, 3], scalars: TestSupport.values(18, seed: 5))
        try TestSupport.checkNode("Trilu", [x], wrt: [0])
        try TestSupport.checkNode("Trilu", [x, Tensor(int64Scalar: 1)], wrt: [0], attributes: ["upper": .int(0)])
    }

    @Test("Sum, Mean and Max of broadcast inputs")
    func variadic() throws {
        let a = Tensor(shape: [2, 3], scalars: [0.1, -0.5, 0.9, 0.3, -0.2, 0.7])
        let b = Tensor(vector: [0.4, 0.2, -0.6])
        let c = Tensor(shape: [2, 1], scalars: [0.05, -0.35])
        for op in ["Sum", "Mean", "Max", "Min"] {
            try TestSupport.checkNode(op, [a, b, c], wrt: [0, 1, 2])
        }
    }

    @Test("Split, CumSum, Tile, DepthToSpace, SpaceToDepth, PRelu and Shrink")
    func movement() throws {
        let x = Tensor(shape: [2, 4], scalars: TestSupport.values(8, seed: 9))
        try TestSupport.checkNode("Split", [x, Tensor(int64Vector: [1, 3])], wrt: [0], attributes: ["axis": .int(1)])
        try TestSupport.checkNode("CumSum", [x, Tensor(int64Scalar: 1)], wrt: [0], attributes: ["reverse": .int(1)])
        try TestSupport.checkNode("Tile", [x, Tensor(int64Vector: [2, 1])], wrt: [0])
        let image = Tensor(shape: [1, 4, 2, 2], scalars: TestSupport.values(16, seed: 3))
        try TestSupport.checkNode("DepthToSpace", [image], wrt: [0], attributes: ["blocksize": .int(2)])
        try TestSupport.checkNode("SpaceToDepth", [image], wrt: [0], attributes: ["blocksize": .int(2)])
        try TestSupport.checkNode("PRelu", [x, Tensor(vector: [0.1, 0.2, 0.3, 0.4])], wrt: [0, 1])
        try TestSupport.checkNode("Shrink", [Tensor(vector: [-1.2, -0.9, 0.8, 1.4])], wrt: [0])
        for mode in ["constant", "reflect", "edge"] {
            try TestSupport.checkNode(
                "Pad", [x, Tensor(int64Vector: [1, 2, 0, 1])], wrt: [0], attributes: ["mode": .string(mode)])
        }
    }
}

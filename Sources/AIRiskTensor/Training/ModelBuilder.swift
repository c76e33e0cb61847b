/// Builds the small models the probes train (shadow, reference and surrogate models) as graphs
/// of ordinary ONNX operators, with seeded initial parameters. Classifiers output `logits` and
/// `probabilities`; regressors output `values`.
package enum ModelBuilder {
    /// A hidden-layer nonlinearity.
    package enum Activation: String, Sendable, CaseIterable {
        case relu, tanh, sigmoid

        /// The engine's function for the activation, which names its operator.
        var function: any UnaryFunction.Type {
            switch self {
            case .relu: ReluFunction.self
            case .tanh: TanhFunction.self
            case .sigmoid: SigmoidFunction.self
            }
        }

        var opType: String { function.opType }

        var initialisation: WeightInit { self == .relu ? .heNormal : .glorotUniform }
    }

    /// What the last layer produces.
    package enum Head: Sendable, Equatable {
        /// Class logits plus a Softmax `probabilities` output.
        case classifier(classes: Int)
        /// Real values (one per output unit).
        case regressor(outputs: Int)

        var width: Int {
            switch self {
            case .classifier(let c): c
            case .regressor(let o): o
            }
        }
    }

    /// The recurrent cell of a sequence model.
    package enum Cell: String, Sendable, CaseIterable {
        case rnn, gru, lstm

        /// The engine's kernel for the cell, which names its operator and counts its gates.
        var kernel: any RecurrentKernel.Type {
            switch self {
            case .rnn: RNNKernel.self
            case .gru: GRUKernel.self
            case .lstm: LSTMKernel.self
            }
        }

        var opType: String { kernel.opType }
        var gates: Int { kernel.gates }
    }

    /// Accumulates nodes, parameters and names while a builder lays out layers.
    struct Assembly {
        var nodes: [Node] = []
        var initializers: [String: Tensor] = [:]
        var parameters: [String] = []
        var dropout: [DropoutMask] = []
        var rng: SeededGenerator

        mutating func parameter(_ name: String, shape: [Int], values: [Float]) -> String {
            initializers[name] = Tensor(shape: shape, scalars: values)
            parameters.append(name)
            return name
        }

        /// A fully connected layer in PyTorch's layout: Gemm(x, W[out, in], b[out], transB = 1).
        mutating func dense(_ x: String, inputs: Int, outputs: Int, index: Int, init scheme: WeightInit) -> String {
            let w = parameter(
                "fc\(index).weight", shape: [outputs, inputs],
                values: scheme.sample(count: outputs * inputs, fanIn: inputs, fanOut: outputs, using: &rng))
            let b = parameter("fc\(index).bias", shape: [outputs], values: [Float](repeating: 0, count: outputs))
            let y = "fc\(index)"
            nodes.append(
                Node(name: y, opType: "Gemm", inputs: [x, w, b], outputs: [y], attributes: ["transB": .int(1)]))
            return y
        }

        mutating func activation(_ x: String, _ a: Activation, index: Int) -> String {
            let y = "\(a.rawValue)\(index)"
            nodes.append(Node(name: y, opType: a.opType, inputs: [x], outputs: [y]))
            return y
        }

        /// Inverted dropout on `x` (width `width`): a Mul by a mask that is all ones at inference.
        mutating func dropout(_ x: String, width: Int, rate: Float, index: Int) -> String {
            let mask = "dropout\(index).mask"
            initializers[mask] = Tensor(shape: [1, width], scalars: [Float](repeating: 1, count: width))
            dropout.append(DropoutMask(name: mask, width: width, rate: rate))
            let y = "dropout\(index)"
            nodes.append(Node(name: y, opType: "Mul", inputs: [x, mask], outputs: [y]))
            return y
        }

        func finish(name: String, input: ValueInfo, last: String, head: Head) -> TrainableModel {
            var nodes = self.nodes
            var outputs: [ValueInfo] = []
            let outputName: String
            var probabilities: String?
            switch head {
            case .classifier:
                outputName = "logits"
                nodes.append(Node(name: "logits", opType: "Identity", inputs: [last], outputs: ["logits"]))
                nodes.append(
                    Node(
                        name: "softmax", opType: "Softmax", inputs: ["logits"], outputs: ["probabilities"],
                        attributes: ["axis": .int(-1)]))
                probabilities = "probabilities"
                outputs = [
                    ValueInfo(name: "logits", elementType: "float32", shape: [.symbolic("N"), .fixed(head.width)]),
                    ValueInfo(
                        name: "probabilities", elementType: "float32", shape: [.symbolic("N"), .fixed(head.width)]),
                ]
            case .regressor:
                outputName = "values"
                nodes.append(Node(name: "values", opType: "Identity", inputs: [last], outputs: ["values"]))
                outputs = [
                    ValueInfo(name: "values", elementType: "float32", shape: [.symbolic("N"), .fixed(head.width)])
                ]
            }
            let graph = Graph(
                name: name, nodes: nodes, inputs: [input], outputs: outputs, initializers: initializers,
                opsetImports: ["": 17])
            return TrainableModel(
                graph: graph, inputName: input.name, outputName: outputName, probabilitiesName: probabilities,
                parameterNames: parameters, dropout: dropout)
        }
    }

    /// A dense multilayer perceptron: input → (Gemm → activation) per hidden size → Gemm. With a
    /// positive `dropout` rate every hidden activation is followed by an inverted-dropout mask
    /// (see ``DropoutMask``). `initialisation` replaces the default schemes (He normal for ReLU layers,
    /// Glorot uniform otherwise and for the last layer) on every layer.
    package static func mlp(
        inputSize: Int, hiddenSizes: [Int], head: Head, activation: Activation = .relu, dropout: Float = 0,
        initialisation: WeightInit? = nil, seed: UInt64
    ) -> TrainableModel {
        var a = Assembly(rng: SeededGenerator(seed: seed))
        var x = "input"
        var width = inputSize
        for (i, h) in hiddenSizes.enumerated() {
            x = a.dense(x, inputs: width, outputs: h, index: i, init: initialisation ?? activation.initialisation)
            x = a.activation(x, activation, index: i)
            if dropout > 0 { x = a.dropout(x, width: h, rate: dropout, index: i) }
            width = h
        }
        x = a.dense(
            x, inputs: width, outputs: head.width, index: hiddenSizes.count, init: initialisation ?? .glorotUniform)
        let input = ValueInfo(name: "input", elementType: "float32", shape: [.symbolic("N"), .fixed(inputSize)])
        return a.finish(name: "mlp", input: input, last: x, head: head)
    }

    /// Multinomial logistic regression: one Gemm to class logits.
    package static func logisticRegression(inputSize: Int, classes: Int, seed: UInt64) -> TrainableModel {
        mlp(inputSize: inputSize, hiddenSizes: [], head: .classifier(classes: classes), seed: seed)
    }

    /// A small convolutional classifier for inputs of shape (N, channels, height, width):
    /// Conv(3×3, same padding) → Relu → MaxPool(2×2) → Flatten → Gemm. Needs the Conv and MaxPool
    /// kernels to be registered.
    package static func convNet(
        channels: Int, height: Int, width: Int, filters: Int = 8, kernelSize: Int = 3, classes: Int, seed: UInt64
    ) -> TrainableModel {
        var a = Assembly(rng: SeededGenerator(seed: seed))
        let fanIn = channels * kernelSize * kernelSize
        let w = a.parameter(
            "conv.weight", shape: [filters, channels, kernelSize, kernelSize],
            values: WeightInit.heNormal.sample(
                count: filters * fanIn, fanIn: fanIn, fanOut: filters * kernelSize * kernelSize, using: &a.rng))
        let b = a.parameter("conv.bias", shape: [filters], values: [Float](repeating: 0, count: filters))
        let pad = Int64((kernelSize - 1) / 2)
        let extra = Int64(kernelSize - 1) - 2 * pad
        a.nodes.append(
            Node(
                name: "conv", opType: "Conv", inputs: ["input", w, b], outputs: ["conv"],
                attributes: [
                    "kernel_shape": .ints([Int64(kernelSize), Int64(kernelSize)]),
                    "pads": .ints([pad, pad, pad + extra, pad + extra]),
                ]))
        let r = a.activation("conv", .relu, index: 0)
        a.nodes.append(
            Node(
                name: "pool", opType: "MaxPool", inputs: [r], outputs: ["pool"],
                attributes: ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])]))
        a.nodes.append(Node(name: "flatten", opType: "Flatten", inputs: ["pool"], outputs: ["flat"]))
        let features = filters * (height / 2) * (width / 2)
        let y = a.dense("flat", inputs: features, outputs: classes, index: 0, init: .glorotUniform)
        let input = ValueInfo(
            name: "input", elementType: "float32",
            shape: [.symbolic("N"), .fixed(channels), .fixed(height), .fixed(width)])
        return a.finish(name: "convnet", input: input, last: y, head: .classifier(classes: classes))
    }

    /// A recurrent sequence model for inputs of shape (N, T, features): the batch-first input is
    /// transposed to ONNX's (T, N, features), run through one RNN/GRU/LSTM layer, and the last
    /// hidden state feeds a Gemm head. Needs the recurrent kernel to be registered.
    package static func recurrent(
        cell: Cell, inputSize: Int, hiddenSize: Int, head: Head, seed: UInt64
    ) -> TrainableModel {
        var a = Assembly(rng: SeededGenerator(seed: seed))
        let g = cell.gates
        let w = a.parameter(
            "rnn.W", shape: [1, g * hiddenSize, inputSize],
            values: WeightInit.glorotUniform.sample(
                count: g * hiddenSize * inputSize, fanIn: inputSize, fanOut: hiddenSize, using: &a.rng))
        let r = a.parameter(
            "rnn.R", shape: [1, g * hiddenSize, hiddenSize],
            values: WeightInit.glorotUniform.sample(
                count: g * hiddenSize * hiddenSize, fanIn: hiddenSize, fanOut: hiddenSize, using: &a.rng))
        var bias = [Float](repeating: 0, count: 2 * g * hiddenSize)
        if cell == .lstm {
            // Gate order i, o, f, c: start the forget gate open.
            for j in (2 * hiddenSize)..<(3 * hiddenSize) { bias[j] = 1 }
        }
        let b = a.parameter("rnn.B", shape: [1, 2 * g * hiddenSize], values: bias)
        a.nodes.append(
            Node(
                name: "time_major", opType: "Transpose", inputs: ["input"], outputs: ["sequence"],
                attributes: ["perm": .ints([1, 0, 2])]))
        a.nodes.append(
            Node(
                name: "rnn", opType: cell.opType, inputs: ["sequence", w, r, b], outputs: ["", "last_hidden"],
                attributes: ["hidden_size": .int(Int64(hiddenSize))]))
        a.initializers["squeeze_axes"] = Tensor(int64Vector: [0])
        a.nodes.append(
            Node(name: "squeeze", opType: "Squeeze", inputs: ["last_hidden", "squeeze_axes"], outputs: ["state"]))
        let y = a.dense("state", inputs: hiddenSize, outputs: head.width, index: 0, init: .glorotUniform)
        let input = ValueInfo(
            name: "input", elementType: "float32", shape: [.symbolic("N"), .symbolic("T"), .fixed(inputSize)])
        return a.finish(name: "recurrent_\(cell.rawValue)", input: input, last: y, head: head)
    }
}

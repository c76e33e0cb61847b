import AIRiskAccess
import AIRiskTensor

/// A model held as an ONNX file, run by airisk's own engine: white-box access, with input
/// gradients whenever every path from the input to the scores is differentiable.
///
/// Which output carries the scores is worked out from the graph: scikit-learn classifiers
/// export a `label` and a `probabilities` output; networks usually export one float tensor,
/// which counts as probabilities when a Softmax produces it and as logits otherwise; a
/// one-column float output without labels is a regression; a rank-3 output is a per-step
/// sequence. `outputName` and `outputKind` override the guess.
package struct ONNXModelAccess: ModelAccess, FreeTextModel {
    package let model: ONNXModel
    package let executor: Executor
    /// The first graph input's name (the only one unless the model takes named columns).
    package let inputName: String
    /// How a row becomes several typed graph inputs; nil for one float input.
    private(set) var feed: InputFeed?
    /// A binary classifier answering one decision score per row (LinearSVC): each answer is widened to the
    /// logits [0, s], so class 1's softmax is σ(s) and the label is s > 0.
    let binaryDecisionScore: Bool
    /// A binary SVMClassifier without probabilities answers [s, −s] with s > 0 for class 1 (onnxruntime's layout
    /// for skl2onnx's SVC): the two columns are swapped so that column c holds class c's evidence.
    let swappedBinaryScores: Bool
    /// The nodes that receive float64 values but compute in float32 (operators without a float64 path; see
    /// ``Executor/reducedPrecisionNodes``): a value within float32 rounding of a decision threshold there can be
    /// answered differently than by onnxruntime; the loader warns about it. Empty when the whole float64 part of
    /// the graph computes in float64.
    package var reducedPrecisionNodes: [String] { executor.reducedPrecisionNodes }
    package let scoresOutput: String
    /// The integer label output, when the model exports one.
    package let labelOutput: String?
    /// The batch size the input declares when it is fixed (a model exported without dynamic
    /// axes); requests are then run in chunks of exactly this many rows.
    package let fixedBatch: Int?
    package private(set) var description: ModelDescription

    package init(
        model: ONNXModel, name: String? = nil, inputShape declaredShape: [Int]? = nil, outputName: String? = nil,
        outputKind: OutputKind? = nil
    ) throws {
        self.model = model
        let displayName = name ?? model.fileName
        executor = try Executor(graph: model.graph)
        let feed = try InputFeed.make(model: model, displayName: displayName)
        self.feed = feed
        let input = model.inputs[0]
        inputName = input.name
        if case .tensor(_, let shape?) = input.declaredType, shape.count >= 2, case .fixed(let n) = shape[0], n > 0 {
            fixedBatch = n
        } else {
            fixedBatch = nil
        }

        // The row shape: declared dimensions after the batch dimension; for named inputs, one value per column.
        var rowShape: [Int]
        if let feed {
            rowShape = [feed.rowWidth]
            if let declaredShape, declaredShape.reduce(1, *) != feed.rowWidth {
                throw ModelAccessError.badInput(
                    model: displayName,
                    reason: "--input-shape \(declaredShape) does not match the graph's \(model.inputs.count) inputs, "
                        + "\(feed.rowWidth) values per row; leave --input-shape out")
            }
        } else if let declaredShape {
            rowShape = declaredShape
        } else if case .tensor(_, let shape?) = input.declaredType, shape.count >= 2 {
            var dims: [Int] = []
            for (i, d) in shape.dropFirst().enumerated() {
                guard case .fixed(let n) = d, n > 0 else {
                    throw ModelAccessError.badInput(
                        model: displayName,
                        reason:
                            "input '\(input.name)' dimension \(i + 1) is '\(d)', not a fixed size; pass --input-shape")
                }
                dims.append(n)
            }
            rowShape = dims
        } else {
            throw ModelAccessError.badInput(
                model: displayName, reason: "input '\(input.name)' declares no usable shape; pass --input-shape")
        }

        let tensorOutputs = model.outputs.filter { $0.declaredType.isTensor || $0.zipMapClassLabels != nil }
        func elementType(_ d: ONNXValueDeclaration) -> ONNXElementType? {
            if case .tensor(let e, _) = d.declaredType { return e }
            return d.zipMapClassLabels != nil ? .float : nil
        }
        // Every floating type counts: the engine computes float64 / float16 outputs in float32.
        let floating: Set<ONNXElementType> = [.float, .double, .float16, .bfloat16]
        let floatOutputs = tensorOutputs.filter { elementType($0).map(floating.contains) ?? false }
        let intOutputs = tensorOutputs.filter { elementType($0) == .int64 }
        let chosen: ONNXValueDeclaration
        if let outputName {
            guard let o = floatOutputs.first(where: { $0.name == outputName }) else {
                throw ModelAccessError.badInput(
                    model: displayName,
                    reason:
                        "no float output named '\(outputName)' (float outputs: \(floatOutputs.map(\.name).joined(separator: ", ")))"
                )
            }
            chosen = o
        } else if let probs = floatOutputs.first(where: { $0.name.lowercased().contains("prob") }) {
            chosen = probs
        } else if let first = floatOutputs.first {
            chosen = first
        } else if let labels = intOutputs.first {
            chosen = labels
        } else {
            throw ModelAccessError.badInput(model: displayName, reason: "the graph has no float or int64 tensor output")
        }
        scoresOutput = chosen.name
        labelOutput = intOutputs.first { $0.name != chosen.name }?.name

        // Probe one neutral row to learn the output width (the batch dimension is often symbolic
        // and class counts are not always declared). This is set-up, not an attack query. The
        // static size pass runs first with the row's concrete shape, so that a hostile graph fails
        // here, naming the node, before the row allocates anything.
        let probeRows = fixedBatch ?? 1
        if let feed {
            try model.checkSizes(
                inputShapes: Dictionary(uniqueKeysWithValues: feed.slots.map { ($0.name, [probeRows] + $0.shape) }))
        } else {
            try model.checkSizes(inputShapes: [inputName: [probeRows] + rowShape.map { $0 }])
        }
        let probeRow = Tensor(
            shape: [probeRows] + rowShape, scalars: [Float](repeating: 0, count: probeRows * rowShape.reduce(1, *)))
        let probe = try executor.run(inputs: feed?.tensors(probeRow) ?? [inputName: probeRow])
        guard let out = probe[scoresOutput] else {
            throw ModelAccessError.badOutput(model: displayName, reason: "output '\(scoresOutput)' was not produced")
        }
        let producer = model.graph.nodes.last { $0.outputs.contains(chosen.name) }?.opType ?? ""
        let decisionSource = Self.decisionScoreSource(chosen.name, in: model.graph)
        let kind: OutputKind
        var sequenceLength: Int?
        var width = out.shape.count >= 2 ? out.shape[out.shape.count - 1] : 1
        if let outputKind {
            kind = outputKind
        } else if elementType(chosen) == .int64 {
            kind = .labels
        } else if out.shape.count == 3 {
            kind = .sequence
        } else if decisionSource != nil {
            // LinearSVC and SVC without probability=True: skl2onnx names the output "probabilities", but the
            // values are signed distances to the margin.
            kind = .logits
        } else if chosen.zipMapClassLabels != nil || labelOutput != nil || producer == "Softmax"
            || producer == "ZipMap" || chosen.name.lowercased().contains("prob")
        {
            kind = .probabilities
        } else if width == 1 || out.shape.count == 1 {
            kind = .regression
        } else {
            kind = .logits
        }
        if kind == .sequence {
            sequenceLength = out.shape[1]
            width = out.shape[2]
        }
        if kind == .labels {
            // Labels-only graphs: the class count is not observable from one row.
            width = 0
        }
        binaryDecisionScore = kind == .logits && width == 1 && labelOutput != nil && out.shape.count <= 2
        if binaryDecisionScore { width = 2 }
        swappedBinaryScores = kind == .logits && decisionSource == "SVMClassifier" && width == 2 && outputKind == nil
        let gradients =
            feed == nil && kind != .labels && !binaryDecisionScore
            && executor.inputGradientsAvailable(forOutput: scoresOutput)
        var description = ModelDescription(
            name: displayName, inputShape: rowShape, outputKind: kind, outputWidth: width,
            sequenceLength: sequenceLength, providesInputGradients: gradients, inputColumns: feed?.columns)
        let routesMissing: Set<String> = ["TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble", "Imputer"]
        description.handlesMissingValues = model.graph.nodes.contains { routesMissing.contains($0.opType) }
        self.description = description
    }

    /// This model with its free-text inputs reading their index among `texts` (by input name).
    package func indexingTexts(_ texts: [String: [String]]) -> any ModelAccess {
        guard let feed else { return self }
        var copy = self
        let indexed = feed.indexingTexts(texts)
        copy.feed = indexed
        copy.description.inputColumns = indexed.columns
        return copy
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        try check(batch)
        if let fixedBatch, batch.shape[0] != fixedBatch, batch.shape[0] > 0 {
            return try predictInChunks(batch, size: fixedBatch)
        }
        let outputs = try executor.run(inputs: graphInputs(batch))
        return try convert(outputs, rows: batch.shape[0])
    }

    package func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        guard description.providesInputGradients else {
            throw ModelAccessError.noInputGradients(model: description.name)
        }
        try check(batch)
        if let fixedBatch, batch.shape[0] != fixedBatch, batch.shape[0] > 0 {
            return try gradientsInChunks(batch, size: fixedBatch, seed: seed)
        }
        let rows = batch.shape[0]
        var captured: ModelOutput?
        let result = try executor.gradients(
            inputs: [inputName: try floatBatch(batch)], outputName: scoresOutput, withRespectTo: [inputName]
        ) { out in
            let o = try convert([scoresOutput: out], rows: rows)
            captured = o
            let s = seed(o)
            guard s.count == out.count else {
                throw ModelAccessError.badInput(
                    model: description.name, reason: "gradient seed has \(s.count) values for \(out.count) outputs")
            }
            return Tensor(shape: out.shape, scalars: s)
        }
        guard let output = captured, let g = result.gradients[inputName] else {
            throw ModelAccessError.badOutput(model: description.name, reason: "no gradient for input '\(inputName)'")
        }
        return (output, g)
    }

    /// The rows `start..<end` of `values` (rows of `width` values) as one batch of exactly `size`
    /// rows, the last row repeated to fill a short chunk.
    private func paddedChunk(_ values: [Float], width: Int, start: Int, end: Int, size: Int) -> Tensor {
        var scalars = Array(values[(start * width)..<(end * width)])
        scalars.reserveCapacity(size * width)
        let last = values[((end - 1) * width)..<(end * width)]
        for _ in (end - start)..<size { scalars += last }
        return Tensor(shape: [size] + description.inputShape, scalars: scalars)
    }

    /// A model whose input declares a fixed batch size: the rows run in chunks of that size, the
    /// last one padded with copies of its last row, and the padded rows' outputs are dropped.
    private func predictInChunks(_ batch: Tensor, size: Int) throws -> ModelOutput {
        let rows = batch.shape[0]
        guard let values = try floatBatch(batch).floats else {
            throw ModelAccessError.badInput(model: description.name, reason: "input must be numeric")
        }
        let width = description.featureCount
        var all = ModelOutput(kind: description.outputKind, rows: 0, scores: [], width: 0, labels: [])
        var start = 0
        while start < rows {
            let end = min(rows, start + size)
            let out = try convert(
                executor.run(
                    inputs: graphInputs(paddedChunk(values, width: width, start: start, end: end, size: size))),
                rows: size)
            let kept = end - start
            all.scores += out.scores.prefix(kept * out.width)
            all.labels += out.labels.prefix(kept)
            all.width = out.width
            all.rows += kept
            start = end
        }
        return all
    }

    /// Input gradients for a fixed-batch model: one forward pass over all rows gives the output the
    /// seed is computed from (as for any other model), then each chunk is differentiated with its
    /// share of the seed, the padded rows seeded with zeros and their gradients dropped.
    private func gradientsInChunks(
        _ batch: Tensor, size: Int, seed: @Sendable (ModelOutput) -> [Float]
    ) throws -> (output: ModelOutput, gradient: Tensor) {
        let output = try predictInChunks(batch, size: size)
        let s = seed(output)
        let rows = batch.shape[0]
        guard s.count == output.scores.count else {
            throw ModelAccessError.badInput(
                model: description.name,
                reason: "gradient seed has \(s.count) values for \(output.scores.count) outputs")
        }
        guard let values = try floatBatch(batch).floats else {
            throw ModelAccessError.badInput(model: description.name, reason: "input must be numeric")
        }
        let width = description.featureCount
        let perRow = output.width
        var gradient: [Float] = []
        gradient.reserveCapacity(rows * width)
        var start = 0
        while start < rows {
            let end = min(rows, start + size)
            var chunkSeed = Array(s[(start * perRow)..<(end * perRow)])
            chunkSeed += [Float](repeating: 0, count: (size - (end - start)) * perRow)
            let result = try executor.gradients(
                inputs: [inputName: paddedChunk(values, width: width, start: start, end: end, size: size)],
                outputName: scoresOutput, withRespectTo: [inputName]
            ) { out in
                guard chunkSeed.count == out.count else {
                    throw ModelAccessError.badOutput(
                        model: description.name,
                        reason: "output '\(scoresOutput)' has \(out.count) values for \(size) rows")
                }
                return Tensor(shape: out.shape, scalars: chunkSeed)
            }
            guard let g = result.gradients[inputName]?.floats, g.count == size * width else {
                throw ModelAccessError.badOutput(
                    model: description.name, reason: "no gradient for input '\(inputName)'")
            }
            gradient += g.prefix((end - start) * width)
            start = end
        }
        return (output, Tensor(shape: batch.shape, scalars: gradient))
    }

    private func check(_ batch: Tensor) throws {
        guard batch.shape.count == description.inputShape.count + 1,
            Array(batch.shape.dropFirst()) == description.inputShape
        else {
            throw ModelAccessError.badInput(
                model: description.name,
                reason:
                    "batch of shape \(batch.shape) does not match input '\(inputName)' rows of shape \(description.inputShape)"
            )
        }
    }

    /// The executor's inputs for `batch`: the batch itself for one float input, else one typed tensor per input.
    private func graphInputs(_ batch: Tensor) throws -> [String: Tensor] {
        if let feed { return try feed.tensors(batch) }
        if batch.elementKind == .double, case .tensor(.double, _) = model.inputs[0].declaredType {
            return [inputName: batch]  // float64 rows for a float64 input: as given
        }
        let values = try floatBatch(batch)
        if case .tensor(.double, _) = model.inputs[0].declaredType, let f = values.floats {
            return [inputName: Tensor(shape: values.shape, doubles: f.map(InputFeed.widened))]
        }
        return [inputName: values]
    }

    /// The operator (`LinearClassifier` or `SVMClassifier`) whose raw decision scores `output` carries: it comes
    /// (through column picks, casts, reshapes and ZipMap) from one with no post-transform and, for an SVM, no Platt
    /// scaling (`prob_a`); nil when the output holds anything else.
    static func decisionScoreSource(_ output: String, in graph: Graph) -> String? {
        var name = output
        for _ in 0..<16 {
            guard let node = graph.nodes.last(where: { $0.outputs.contains(name) }) else { return nil }
            switch node.opType {
            case "Identity", "Cast", "ArrayFeatureExtractor", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "ZipMap":
                guard let input = node.inputs.first, !input.isEmpty else { return nil }
                name = input
            case "LinearClassifier", "SVMClassifier":
                guard node.outputs.count > 1, node.outputs[1] == name else { return nil }
                var transform = "NONE"
                if case .string(let t)? = node.attributes["post_transform"] { transform = t }
                var platt = false
                if case .floats(let a)? = node.attributes["prob_a"], !a.isEmpty { platt = true }
                return transform == "NONE" && !platt ? node.opType : nil
            default:
                return nil
            }
        }
        return nil
    }

    private func floatBatch(_ batch: Tensor) throws -> Tensor {
        if batch.floats != nil { return batch }
        if let doubles = batch.doubles { return Tensor(shape: batch.shape, scalars: doubles.map { Float($0) }) }
        if let ints = batch.int64s { return Tensor(shape: batch.shape, scalars: ints.map { Float($0) }) }
        throw ModelAccessError.badInput(
            model: description.name, reason: "input must be numeric, got \(batch.elementTypeName)")
    }

    private func convert(_ outputs: [String: Tensor], rows: Int) throws -> ModelOutput {
        guard let scores = outputs[scoresOutput] else {
            throw ModelAccessError.badOutput(
                model: description.name, reason: "output '\(scoresOutput)' was not produced")
        }
        let kind = description.outputKind
        if kind == .labels {
            guard let ints = scores.int64s, ints.count == rows else {
                throw ModelAccessError.badOutput(
                    model: description.name, reason: "label output has shape \(scores.shape)")
            }
            return ModelOutput(kind: .labels, rows: rows, scores: [], width: 0, labels: ints.map { Int($0) })
        }
        guard var values = scores.floats ?? scores.doubles?.map({ Float($0) }), rows > 0, values.count % rows == 0
        else {
            throw ModelAccessError.badOutput(
                model: description.name, reason: "output '\(scoresOutput)' has shape \(scores.shape) for \(rows) rows")
        }
        if binaryDecisionScore, values.count == rows {
            values = values.flatMap { [0, $0] }
        } else if swappedBinaryScores, values.count == 2 * rows {
            for r in 0..<rows { values.swapAt(2 * r, 2 * r + 1) }
        }
        let perRow = values.count / rows
        var labels: [Int] = []
        if kind != .regression {
            // The model's own label output is used when it holds class indices (0..<width); exporters
            // that emit class values (e.g. labels 3 and 7) or strings get the arg-max column instead, so
            // labels always index the score columns.
            let w = description.outputWidth
            if let lo = labelOutput, let l = outputs[lo]?.int64s, l.count == rows, kind != .sequence,
                l.allSatisfy({ $0 >= 0 && $0 < Int64(w) })
            {
                labels = l.map { Int($0) }
            } else {
                labels = (0..<rows).map { r in
                    let base = r * perRow + perRow - w
                    var best = 0
                    for j in 1..<max(w, 1) where values[base + j] > values[base + best] { best = j }
                    return best
                }
            }
        }
        return ModelOutput(kind: kind, rows: rows, scores: values, width: perRow, labels: labels)
    }
}

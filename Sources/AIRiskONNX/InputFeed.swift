import AIRiskAccess
import AIRiskTensor

/// How one float row, as every probe builds it, becomes the graph's inputs.
///
/// A model with one float input gets the batch as is. A model with several inputs, or with integer, boolean or
/// string inputs (a scikit-learn pipeline converted from a pandas DataFrame: one input per column), gets the row
/// cut into one tensor per input, each converted to the input's own type: whole numbers for integers, `≠ 0` for
/// booleans, and the category at the row's index for strings. A string input's categories are read from the graph
/// (the `cats_strings` of the OneHotEncoder, or the `keys_strings` of the LabelEncoder or CategoryMapper, that
/// consumes it), which is what anyone holding the file sees. A string input the graph tokenizes itself (a
/// StringNormalizer, Tokenizer or TfIdfVectorizer reads it: a text classifier) is free text: its index picks a
/// text among those the data shows, which the assessment passes in with ``indexingTexts(_:)``.
struct InputFeed: Sendable {
    /// One graph input and where its values sit in the row.
    struct Slot: Sendable {
        var name: String
        var element: ONNXElementType
        /// The input's dimensions after the batch dimension.
        var shape: [Int]
        var offset: Int
        var width: Int { shape.reduce(1, *) }
        /// For string inputs: the categories (or, for free text, the texts), by index.
        var categories: [String]?
        /// Whether a string input is free text rather than a category.
        var isText = false
    }

    /// The string an index outside a string input's categories stands for: no category the model knows, so an
    /// encoder with `handle_unknown='ignore'` sees an unknown value, as it would for any unseen string.
    static let unknownCategory = "\u{1}airisk:unknown"

    let slots: [Slot]
    /// Whether the batch is passed through unchanged (one float input).
    let isPlain: Bool

    var rowWidth: Int { slots.reduce(0) { $0 + $1.width } }

    /// The row's named columns, or nil for a plain float input.
    var columns: [InputColumn]? {
        guard !isPlain else { return nil }
        var columns: [InputColumn] = []
        for slot in slots {
            let domain: FeatureDomain
            switch slot.element {
            case .string: domain = slot.isText ? .text(slot.categories ?? []) : .categorical(slot.categories ?? [])
            case .bool: domain = .boolean
            case .float, .double, .float16, .bfloat16: domain = .continuous
            default: domain = .integer
            }
            if slot.width == 1 {
                columns.append(InputColumn(name: slot.name, domain: domain))
            } else {
                for k in 0..<slot.width { columns.append(InputColumn(name: "\(slot.name)_\(k)", domain: domain)) }
            }
        }
        return columns
    }

    /// The feed for `model`'s inputs, or nil when the graph has one float input (the batch is passed as is).
    static func make(model: ONNXModel, displayName: String) throws -> InputFeed? {
        let inputs = model.inputs
        if inputs.count == 1, case .tensor(let e, _) = inputs[0].declaredType,
            [.float, .double, .float16, .bfloat16].contains(e)
        {
            return nil
        }
        guard !inputs.isEmpty else {
            throw ModelAccessError.badInput(model: displayName, reason: "the graph declares no inputs")
        }
        var slots: [Slot] = []
        var offset = 0
        for input in inputs {
            guard case .tensor(let element, let declared) = input.declaredType else {
                throw ModelAccessError.badInput(
                    model: displayName,
                    reason: "input '\(input.name)' is \(input.declaredType), not a tensor; airisk feeds tensor inputs")
            }
            let accepted: Set<ONNXElementType> = [
                .float, .double, .float16, .bfloat16, .int64, .int32, .int16, .int8, .uint8, .uint16, .uint32, .bool,
                .string,
            ]
            guard accepted.contains(element) else {
                throw ModelAccessError.badInput(
                    model: displayName,
                    reason: "input '\(input.name)' has element type \(element), which airisk cannot feed")
            }
            guard let declared, !declared.isEmpty else {
                throw ModelAccessError.badInput(
                    model: displayName,
                    reason: "input '\(input.name)' declares no shape; export it with a shape such as [None, 1]")
            }
            var shape: [Int] = []
            for (i, d) in declared.dropFirst().enumerated() {
                guard case .fixed(let n) = d, n > 0 else {
                    throw ModelAccessError.badInput(
                        model: displayName,
                        reason: "input '\(input.name)' dimension \(i + 1) is '\(d)', not a fixed size; a model with "
                            + "several inputs needs every dimension but the batch fixed")
                }
                shape.append(n)
            }
            var categories: [String]?
            var isText = false
            if element == .string, categoriesConsuming(input.name, in: model.graph) == nil,
                readsText(input.name, in: model.graph)
            {
                categories = []
                isText = true
            } else if element == .string {
                guard let found = categoriesConsuming(input.name, in: model.graph) else {
                    throw ModelAccessError.badInput(
                        model: displayName,
                        reason:
                            "string input '\(input.name)' reaches no OneHotEncoder, LabelEncoder or CategoryMapper, "
                            + "nor a StringNormalizer, Tokenizer or TfIdfVectorizer, so airisk cannot tell which "
                            + "categories or texts it takes; encode the column as numbers before export")
                }
                categories = found
            }
            slots.append(
                Slot(
                    name: input.name, element: element, shape: shape, offset: offset, categories: categories,
                    isText: isText))
            offset += shape.reduce(1, *)
        }
        return InputFeed(slots: slots, isPlain: false)
    }

    /// The graph inputs for `batch` (rows of ``rowWidth`` floats).
    func tensors(_ batch: Tensor) throws -> [String: Tensor] {
        let rows = batch.shape.first ?? 0
        let values: [Float]
        if let f = batch.floats {
            values = f
        } else if let ints = batch.int64s {
            values = ints.map { Float($0) }
        } else {
            throw ModelAccessError.badInput(
                model: "", reason: "input must be numeric, got \(batch.elementTypeName)")
        }
        let width = rowWidth
        var feeds: [String: Tensor] = [:]
        for slot in slots {
            let w = slot.width
            let shape = [rows] + slot.shape
            func column(_ transform: (Float) -> Void) {
                values.withUnsafeBufferPointer { v in
                    for r in 0..<rows {
                        let base = r * width + slot.offset
                        for k in 0..<w { transform(v[base + k]) }
                    }
                }
            }
            switch slot.element {
            case .double:
                var out: [Double] = []
                out.reserveCapacity(rows * w)
                column { out.append(Self.widened($0)) }
                feeds[slot.name] = Tensor(shape: shape, doubles: out)
            case .float, .float16, .bfloat16:
                var out: [Float] = []
                out.reserveCapacity(rows * w)
                column { out.append($0) }
                feeds[slot.name] = Tensor(shape: shape, scalars: out)
            case .bool:
                var out: [Bool] = []
                out.reserveCapacity(rows * w)
                column { out.append($0 != 0 && !$0.isNaN) }
                feeds[slot.name] = Tensor(shape: shape, storage: .bool(out))
            case .string:
                let categories = slot.categories ?? []
                var out: [String] = []
                out.reserveCapacity(rows * w)
                column { v in
                    let index = v.isFinite ? Int(v.rounded()) : -1
                    out.append(
                        categories.indices.contains(index) ? categories[index] : slot.isText ? "" : Self.unknownCategory
                    )
                }
                feeds[slot.name] = Tensor(shape: shape, storage: .string(out))
            default:
                var out: [Int64] = []
                out.reserveCapacity(rows * w)
                column { v in
                    let r = v.rounded()
                    out.append(r.isFinite ? Int64(max(-9.2e18, min(9.2e18, r))) : 0)
                }
                feeds[slot.name] = Tensor(shape: shape, int64: out)
            }
        }
        return feeds
    }

    /// A float32 value widened to float64 through its shortest decimal form: a CSV cell such as 4686.45, read
    /// into float32, reaches a float64 input as the float64 nearest 4686.45 (what pandas reads), not as the
    /// float32's exact value 4686.4501953125. Exact for every decimal of at most 7 significant digits.
    static func widened(_ value: Float) -> Double {
        guard value.isFinite else { return Double(value) }
        return Double("\(value)") ?? Double(value)
    }

    /// This feed with each free-text input named in `texts` taking its texts from there.
    func indexingTexts(_ texts: [String: [String]]) -> InputFeed {
        var slots = slots
        for i in slots.indices where slots[i].isText {
            if let t = texts[slots[i].name] { slots[i].categories = t }
        }
        return InputFeed(slots: slots, isPlain: isPlain)
    }

    /// Whether `input` reaches a text operator (StringNormalizer, Tokenizer, TfIdfVectorizer) through shape-only
    /// and identity nodes: the model tokenizes the string itself.
    static func readsText(_ input: String, in graph: Graph) -> Bool {
        let text: Set<String> = ["StringNormalizer", "Tokenizer", "TfIdfVectorizer"]
        return firstConsumer(
            of: input, in: graph, through: ["Identity", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Cast"]
        ) { text.contains($0.opType) ? true : nil } ?? false
    }

    /// The categories of the first category encoder `input` reaches through shape-only and identity nodes.
    static func categoriesConsuming(_ input: String, in graph: Graph) -> [String]? {
        firstConsumer(
            of: input, in: graph,
            through: ["Identity", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Imputer", "Cast"]
        ) { node -> [String]? in
            let key =
                switch node.opType {
                case "OneHotEncoder", "CategoryMapper": "cats_strings"
                case "LabelEncoder": "keys_strings"
                default: ""
                }
            if case .strings(let c)? = node.attributes[key], !c.isEmpty { return c }
            return nil
        }
    }

    /// The first answer `match` gives for a node that reads `input`, directly or through `through` operators
    /// (followed breadth first, at most 64 values).
    private static func firstConsumer<T>(
        of input: String, in graph: Graph, through passThrough: Set<String>, _ match: (Node) -> T?
    ) -> T? {
        var frontier = [input]
        var seen: Set<String> = [input]
        var steps = 0
        while let name = frontier.first, steps < 64 {
            frontier.removeFirst()
            steps += 1
            for node in graph.nodes where node.inputs.first == name {
                if let found = match(node) { return found }
                if passThrough.contains(node.opType) {
                    for o in node.outputs where !o.isEmpty && seen.insert(o).inserted { frontier.append(o) }
                }
            }
        }
        return nil
    }
}

/// ai.onnx.ml LabelEncoder: maps each element through a key → value table, giving the default
/// value for keys not in it. Opset 2+ tables come from `keys_*` / `values_*` (strings, int64s,
/// floats, or opset 4's `*_tensor`), opset 1 maps strings to their index in `classes_strings` and
/// back. Float keys match by value, NaN matching NaN. Not differentiable.
struct LabelEncoderKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "LabelEncoder"

    enum Key: Hashable {
        case string(String)
        case int(Int64)
        case float(UInt32)

        init(float v: Float) { self = .float(v.isNaN ? Float.nan.bitPattern : (v == 0 ? 0 : v.bitPattern)) }
    }

    let node: Node
    let table: [Key: Int]
    let keyKind: ElementKind
    /// Values by table position, then the default, as a storage of the output type.
    let values: Tensor.Storage
    let defaultIndex: Int

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        if opset < 2 {
            let classes = try a.strings("classes_strings") ?? []
            let defaultInt = Int64(try a.int("default_int64", default: -1))
            let defaultString = try a.string("default_string", default: "_Unused")
            // Opset 1 maps whichever way the input goes; both tables are built and chosen at run time.
            var t: [Key: Int] = [:]
            for (i, c) in classes.enumerated() where t[.string(c)] == nil { t[.string(c)] = i }
            table = t
            keyKind = .string
            values = .int64(classes.indices.map { Int64($0) } + [defaultInt])
            defaultIndex = classes.count
            legacyClasses = classes
            legacyDefaultString = defaultString
            return
        }
        legacyClasses = nil
        legacyDefaultString = ""
        let (keys, kind) = try Self.list(a, prefix: "keys")
        let (vals, _) = try Self.list(a, prefix: "values")
        guard keys.count == vals.count else {
            throw a.invalid("keys", "has \(keys.count) entries but values has \(vals.count)")
        }
        var t: [Key: Int] = [:]
        for (i, k) in keys.enumerated() where t[k] == nil { t[k] = i }
        table = t
        keyKind = kind
        let defaultValue: Tensor.Storage
        switch vals.first ?? .string("") {
        case .string:
            let d = try a.strings("default_string")?.first ?? Self.tensorDefault(a)?.strings?.first ?? "_Unused"
            defaultValue = .string([d])
        case .int:
            let d = try a.int64s("default_int64")?.first ?? Self.tensorDefault(a)?.int64s?.first ?? -1
            defaultValue = .int64([d])
        case .float:
            let d = try a.floats("default_float")?.first ?? Self.tensorDefault(a)?.floats?.first ?? -0.0
            defaultValue = .float([d])
        }
        switch defaultValue {
        case .string(let d): values = .string(vals.map { if case .string(let s) = $0 { s } else { "" } } + d)
        case .int64(let d): values = .int64(vals.map { if case .int(let i) = $0 { i } else { 0 } } + d)
        default:
            values = .float(
                vals.map { if case .float(let b) = $0 { Float(bitPattern: b) } else { 0 } } + (defaultValue.floatValues)
            )
        }
        defaultIndex = vals.count
    }

    let legacyClasses: [String]?
    let legacyDefaultString: String

    static func tensorDefault(_ a: MLAttributes) throws -> Tensor? {
        guard let v = a.node.attributes["default_tensor"] else { return nil }
        guard case .tensor(let t) = v else { throw a.invalid("default_tensor", "must be a tensor") }
        return t
    }

    /// The `keys_*` or `values_*` list and its element kind.
    static func list(_ a: MLAttributes, prefix: String) throws -> ([Key], ElementKind) {
        if let s = try a.strings(prefix + "_strings"), !s.isEmpty { return (s.map { .string($0) }, .string) }
        if let i = try a.int64s(prefix + "_int64s"), !i.isEmpty { return (i.map { .int($0) }, .int64) }
        if case .floats(let f)? = a.node.attributes[prefix + "_floats"], !f.isEmpty {
            return (f.map { Key(float: $0) }, .float)
        }
        if case .tensor(let t)? = a.node.attributes[prefix + "_tensor"] {
            switch t.storage {
            case .string(let v): return (v.map { .string($0) }, .string)
            case .int64(let v): return (v.map { .int($0) }, .int64)
            case .float(let v): return (v.map { Key(float: $0) }, .float)
            case .double(let v): return (v.map { Key(float: Float($0)) }, .float)
            case .bool: throw a.invalid(prefix + "_tensor", "must not be a bool tensor")
            }
        }
        throw a.missing(prefix + "_strings")
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard let x = inputs.first ?? nil else {
            throw inputError("input X is missing")
        }
        if let classes = legacyClasses, case .int64(let v) = x.storage {
            let out = v.map { $0 >= 0 && $0 < Int64(classes.count) ? classes[Int($0)] : legacyDefaultString }
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .string(out))])
        }
        let keys: [Key]
        switch (x.storage, keyKind) {
        case (.string(let v), .string): keys = v.map { .string($0) }
        case (.int64(let v), .int64): keys = v.map { .int($0) }
        case (.float(let v), .float): keys = v.map { Key(float: $0) }
        default:
            throw inputError("input X is a \(x.elementTypeName) tensor but the keys are \(keyKind.rawValue)")
        }
        let map = keys.map { table[$0] ?? defaultIndex }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: values.gathered(map))])
    }

}

extension Tensor.Storage {
    fileprivate var floatValues: [Float] {
        if case .float(let v) = self { return v }
        return []
    }
}

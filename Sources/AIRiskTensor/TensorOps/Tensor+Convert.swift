/// Element conversions between storages, with ONNX `Cast` semantics: float to integer truncates
/// toward zero (saturating at the Int64 range, NaN becomes 0), numbers to bool test for non-zero,
/// strings parse as numbers.
extension Tensor {
    /// A conversion that failed because a string element is not a number.
    package struct ConversionError: Error, CustomStringConvertible {
        package var value: String
        package var target: ElementKind
        package var description: String { "cannot convert the string \"\(value)\" to \(target.rawValue)" }
    }

    /// This tensor's elements converted to `kind`; the shape is unchanged.
    package func converted(to kind: ElementKind) throws(ConversionError) -> Tensor {
        if kind == elementKind { return self }
        switch kind {
        case .float: return Tensor(shape: shape, storage: .float(try asFloats()))
        case .double: return Tensor(shape: shape, storage: .double(try asDoubles()))
        case .int64: return Tensor(shape: shape, storage: .int64(try asInt64s()))
        case .bool: return Tensor(shape: shape, storage: .bool(try asBools()))
        case .string: return Tensor(shape: shape, storage: .string(asStrings()))
        }
    }

    /// `strings` parsed one by one as `kind`; throws for the first that `parse` rejects.
    static func parsed<T>(_ strings: [String], as kind: ElementKind, _ parse: (String) -> T?) throws(ConversionError)
        -> [T]
    {
        var out: [T] = []
        out.reserveCapacity(strings.count)
        for s in strings {
            guard let value = parse(s) else { throw ConversionError(value: s, target: kind) }
            out.append(value)
        }
        return out
    }

    /// The elements as Float32, converting from any storage (float64 rounds to nearest).
    package func asFloats() throws(ConversionError) -> [Float] {
        switch storage {
        case .float(let v): return v
        case .double(let v): return v.map { Float($0) }
        case .int64(let v): return v.map { Float($0) }
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        case .string(let v): return try Tensor.parsed(v, as: .float, Tensor.parseFloat)
        }
    }

    /// The elements as Float64, converting from any storage (float32 and integers widen exactly up to 2^53).
    package func asDoubles() throws(ConversionError) -> [Double] {
        switch storage {
        case .double(let v): return v
        case .float(let v): return v.map { Double($0) }
        case .int64(let v): return v.map { Double($0) }
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        case .string(let v): return try Tensor.parsed(v, as: .double, Tensor.parseDouble)
        }
    }

    /// The elements as Int64, converting from any storage.
    package func asInt64s() throws(ConversionError) -> [Int64] {
        switch storage {
        case .int64(let v): return v
        case .double(let v): return v.map(Tensor.truncatingInt64)
        case .float(let v): return v.map(Tensor.truncatingInt64)
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        case .string(let v):
            return try Tensor.parsed(v, as: .int64) { s in
                Int64(s.trimmingSpaces) ?? Tensor.parseFloat(s).map(Tensor.truncatingInt64)
            }
        }
    }

    /// The elements as Bool (non-zero is true), converting from any storage.
    package func asBools() throws(ConversionError) -> [Bool] {
        switch storage {
        case .bool(let v): return v
        case .float(let v): return v.map { $0 != 0 }
        case .double(let v): return v.map { $0 != 0 }
        case .int64(let v): return v.map { $0 != 0 }
        case .string(let v):
            return try Tensor.parsed(v, as: .bool) { s in
                switch s.trimmingSpaces.lowercased() {
                case "true": true
                case "false": false
                default: Tensor.parseFloat(s).map { $0 != 0 }
                }
            }
        }
    }

    /// The elements formatted as strings.
    package func asStrings() -> [String] {
        switch storage {
        case .string(let v): return v
        case .float(let v): return v.map(Tensor.formatFloat)
        case .double(let v): return v.map(Tensor.formatDouble)
        case .int64(let v): return v.map { String($0) }
        case .bool(let v): return v.map { $0 ? "1" : "0" }
        }
    }

    static func truncatingInt64(_ f: Float) -> Int64 {
        if f.isNaN { return 0 }
        if f >= 9.223372e18 { return Int64.max }
        if f <= -9.223372e18 { return Int64.min }
        return Int64(f.rounded(.towardZero))
    }

    static func truncatingInt64(_ f: Double) -> Int64 {
        if f.isNaN { return 0 }
        if f >= 9.223372036854775e18 { return Int64.max }
        if f <= -9.223372036854775e18 { return Int64.min }
        return Int64(f.rounded(.towardZero))
    }

    static func parseDouble(_ s: String) -> Double? {
        let t = s.trimmingSpaces
        if let f = Double(t) { return f }
        return parseFloat(s).map(Double.init)
    }

    static func formatDouble(_ f: Double) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f > 0 ? "INF" : "-INF" }
        return "\(f)"
    }

    static func parseFloat(_ s: String) -> Float? {
        let t = s.trimmingSpaces
        if let f = Float(t) { return f }
        switch t.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: return nil
        }
    }

    static func formatFloat(_ f: Float) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f > 0 ? "INF" : "-INF" }
        return "\(f)"
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = self[...]
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}

/// Per-scalar case mapping, as onnxruntime's `towlower` / `towupper` over wide characters: a scalar
/// whose mapping is a single scalar takes it, any other (e.g. `ß` → `SS`) is kept as it is.
enum TextCase: String {
    case lower = "LOWER"
    case upper = "UPPER"
    case none = "NONE"

    func apply(_ s: String) -> String {
        guard self != .none else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let mapped = self == .lower ? scalar.properties.lowercaseMapping : scalar.properties.uppercaseMapping
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let only = scalars.first {
                out.append(only)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

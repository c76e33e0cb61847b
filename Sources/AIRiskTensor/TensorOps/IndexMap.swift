/// Data movement expressed as index maps: output element i is input element `map[i]`. One map
/// serves every storage type forward and, as a scatter-add, the float gradient backward.
enum IndexMap {
    /// Offsets `base + Σ counter[d] · strides[d]` for every position of `shape`, row-major.
    static func strided(shape: [Int], base: Int, strides: [Int]) -> [Int] {
        let n = Shape.count(shape)
        guard n > 0 else { return [] }
        if shape.isEmpty { return [base] }
        let ls = strides[shape.count - 1]
        return [Int](unsafeUninitializedCapacity: n) { out, count in
            forEachRun(shape: shape, base: base, strides: strides) { o, offset, length in
                for j in 0..<length { out[o + j] = offset + j * ls }
            }
            count = n
        }
    }

    /// Walks the positions of `shape` (rank ≥ 1, no zero dimension) row-major in runs along the last axis, like an
    /// odometer: `body(o, offset, length)` for each run, where `o` is the run's first position and
    /// `offset = base + Σ counter[d] · strides[d]` over the axes before the last.
    @inline(__always)
    static func forEachRun(shape: [Int], base: Int, strides: [Int], _ body: (Int, Int, Int) -> Void) {
        let n = Shape.count(shape), rank = shape.count
        guard n > 0, rank > 0 else { return }
        let last = shape[rank - 1]
        var counter = [Int](repeating: 0, count: rank)
        var offset = base, o = 0
        while o < n {
            body(o, offset, last)
            o += last
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1
                offset += strides[d]
                if counter[d] < shape[d] { break }
                offset -= strides[d] * shape[d]
                counter[d] = 0
                d -= 1
            }
        }
    }

    /// The float gradient of a gather: `grad` scattered (added) back to the `count` source positions.
    static func scatterAdd(_ grad: [Float], map: [Int], count: Int) -> [Float] {
        var out = [Float](repeating: 0, count: count)
        out.withUnsafeMutableBufferPointer { o in
            for (i, j) in map.enumerated() { o[j] += grad[i] }
        }
        return out
    }
}

extension Tensor.Storage {
    /// The elements at `map`, in order.
    func gathered(_ map: [Int]) -> Tensor.Storage {
        switch self {
        case .float(let v): .float(map.map { v[$0] })
        case .double(let v): .double(map.map { v[$0] })
        case .int64(let v): .int64(map.map { v[$0] })
        case .bool(let v): .bool(map.map { v[$0] })
        case .string(let v): .string(map.map { v[$0] })
        }
    }

    var count: Int {
        switch self {
        case .float(let v): v.count
        case .double(let v): v.count
        case .int64(let v): v.count
        case .bool(let v): v.count
        case .string(let v): v.count
        }
    }

    /// Storages of one kind joined end to end, or nil when the kinds differ.
    static func joined(_ parts: [Tensor.Storage]) -> Tensor.Storage? {
        guard let first = parts.first else { return nil }
        /// The parts' elements of one type end to end, nil when a part holds another type.
        func join<T>(_ elements: (Tensor.Storage) -> [T]?) -> [T]? {
            var out: [T] = []
            for p in parts {
                guard let v = elements(p) else { return nil }
                out += v
            }
            return out
        }
        switch first {
        case .float: return join { if case .float(let v) = $0 { v } else { nil } }.map { .float($0) }
        case .double: return join { if case .double(let v) = $0 { v } else { nil } }.map { .double($0) }
        case .int64: return join { if case .int64(let v) = $0 { v } else { nil } }.map { .int64($0) }
        case .bool: return join { if case .bool(let v) = $0 { v } else { nil } }.map { .bool($0) }
        case .string: return join { if case .string(let v) = $0 { v } else { nil } }.map { .string($0) }
        }
    }
}

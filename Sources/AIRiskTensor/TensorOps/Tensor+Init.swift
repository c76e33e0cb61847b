/// Convenience initialisers for the common tensors kernels and training code build.
extension Tensor {
    /// A Float32 tensor of the given shape, every element zero.
    package static func zeros(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, storage: .float([Float](repeating: 0, count: Shape.count(shape))))
    }

    /// A Float32 tensor of the given shape with every element equal to `value`.
    package init(filled value: Float, shape: [Int]) {
        self.init(shape: shape, storage: .float([Float](repeating: value, count: Shape.count(shape))))
    }

    /// A Float32 scalar (rank 0).
    package init(scalar: Float) {
        self.init(shape: [], storage: .float([scalar]))
    }

    /// An Int64 scalar (rank 0).
    package init(int64Scalar: Int64) {
        self.init(shape: [], storage: .int64([int64Scalar]))
    }

    /// A 1-D Float32 tensor.
    package init(vector: [Float]) {
        self.init(shape: [vector.count], storage: .float(vector))
    }

    /// A 1-D Int64 tensor (ONNX's type for shapes, axes and indices).
    package init(int64Vector: [Int64]) {
        self.init(shape: [int64Vector.count], storage: .int64(int64Vector))
    }

    /// A Bool tensor. `values.count` must equal the product of `shape`.
    package init(shape: [Int], bools values: [Bool]) {
        precondition(Shape.count(shape) == values.count, "shape \(shape) does not match \(values.count) elements")
        self.init(shape: shape, storage: .bool(values))
    }

    /// The Bool elements, or nil when the tensor holds another type.
    package var bools: [Bool]? {
        if case .bool(let v) = storage { return v }
        return nil
    }

    /// The String elements, or nil when the tensor holds another type.
    package var strings: [String]? {
        if case .string(let v) = storage { return v }
        return nil
    }

    /// The rank (number of dimensions).
    package var rank: Int { shape.count }

    /// The same elements viewed with another shape of equal element count.
    package func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(Shape.count(newShape) == count, "cannot reshape \(shape) to \(newShape)")
        return Tensor(shape: newShape, storage: storage)
    }
}

/// An n-dimensional array with contiguous row-major storage.
///
/// Float32 is the compute type of the engine; float64 values (graph inputs, initializers and
/// constants declared double) are kept as Double and computed in Double by the kernels that have a
/// float64 path (``DoubleKernel``); 64-bit integers carry shapes, indices and integer
/// labels; booleans and strings exist so that ONNX graphs that carry them (masks, string class
/// labels) can be represented without lossy conversion.
package struct Tensor: Sendable, Equatable {
    /// The element storage, one case per supported element type.
    package enum Storage: Sendable, Equatable {
        case float([Float])
        case double([Double])
        case int64([Int64])
        case bool([Bool])
        case string([String])
    }

    /// Dimensions, outermost first. A scalar has an empty shape.
    package var shape: [Int]
    package var storage: Storage

    package init(shape: [Int], storage: Storage) {
        self.shape = shape
        self.storage = storage
    }

    /// A Float32 tensor. `scalars.count` must equal the product of `shape`.
    package init(shape: [Int], scalars: [Float]) {
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not match \(scalars.count) elements")
        self.shape = shape
        self.storage = .float(scalars)
    }

    /// An Int64 tensor. `values.count` must equal the product of `shape`.
    package init(shape: [Int], int64 values: [Int64]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not match \(values.count) elements")
        self.shape = shape
        self.storage = .int64(values)
    }

    /// The number of elements.
    package var count: Int { shape.reduce(1, *) }

    /// The element type's name, as used in error messages.
    package var elementTypeName: String {
        switch storage {
        case .float: "float32"
        case .double: "float64"
        case .int64: "int64"
        case .bool: "bool"
        case .string: "string"
        }
    }

    /// The Float32 elements, or nil when the tensor holds another type.
    package var floats: [Float]? {
        if case .float(let v) = storage { return v }
        return nil
    }

    /// The Float64 elements, or nil when the tensor holds another type.
    package var doubles: [Double]? {
        if case .double(let v) = storage { return v }
        return nil
    }

    /// A Float64 tensor. `values.count` must equal the product of `shape`.
    package init(shape: [Int], doubles values: [Double]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not match \(values.count) elements")
        self.shape = shape
        self.storage = .double(values)
    }

    /// The Int64 elements, or nil when the tensor holds another type.
    package var int64s: [Int64]? {
        if case .int64(let v) = storage { return v }
        return nil
    }
}

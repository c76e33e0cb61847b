/// Which of a fused convolution step's values the inference plan keeps channels-last: physically (N, H, W, C)
/// instead of ONNX's (N, C, H, W). oneDNN's convolutions compute channels-last on AVX-512, so a value passed from one
/// convolution to the next in that layout skips the two reorders around each convolution (a third of a ResNet's time
/// at batch 256). Only the plan's own convolution and MaxPool steps ever see such a value:
/// ``Executor/keepChannelsLast(_:keep:constants:)`` chooses a value only when every reader is one of them.
struct ChannelsLast: Hashable, Sendable {
    /// The convolution's image (input 0).
    var input = false
    /// The `.add` operand.
    var addend = false
    /// The result.
    var output = false

    static let none = ChannelsLast()

    /// (N, C, H, W) from a channels-last value's (N, H, W, C).
    static func logicalShape(_ shape: [Int]) -> [Int] {
        shape.count == 4 ? [shape[0], shape[3], shape[1], shape[2]] : shape
    }

    /// (N, H, W, C) from (N, C, H, W).
    static func physicalShape(_ shape: [Int]) -> [Int] {
        shape.count == 4 ? [shape[0], shape[2], shape[3], shape[1]] : shape
    }

    /// The value rearranged to (N, C, H, W).
    static func channelsFirst(_ t: Tensor) -> Tensor { permuted(t, [0, 3, 1, 2]) }

    /// The value rearranged to (N, H, W, C).
    static func channelsLast(_ t: Tensor) -> Tensor { permuted(t, [0, 2, 3, 1]) }

    private static func permuted(_ t: Tensor, _ p: [Int]) -> Tensor {
        guard t.rank == 4, case .float(let v) = t.storage else { return t }
        let shape = p.map { t.shape[$0] }
        guard t.shape.filter({ $0 != 1 }).count > 1 else { return Tensor(shape: shape, scalars: v) }
        return Tensor(shape: shape, scalars: TransposeKernel.permuted(v, TransposeKernel.runs(shape: t.shape, p)))
    }
}

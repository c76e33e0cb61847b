/// A kernel that can run forward without keeping what its backward pass needs.
///
/// Recurrent kernels save every step's states and gate values for backpropagation through time
/// (for a sequence of T steps that is several T·N·H buffers); an executor that only needs
/// outputs (inference, probing a model without input gradients) calls
/// ``forwardWithoutTape(_:)`` instead of ``Kernel/forward(_:)`` to skip that memory traffic.
/// The outputs are identical; `saved` is nil, so backward cannot be run on the result.
package protocol TapeFreeForward: Kernel {
    func forwardWithoutTape(_ inputs: [Tensor?]) throws -> KernelOutput
}

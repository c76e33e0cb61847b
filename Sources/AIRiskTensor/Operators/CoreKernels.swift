/// Linear algebra, elementwise, activation, shape and reduction operators.
public enum CoreKernels {
    public static let all: [any Kernel.Type] = []
}

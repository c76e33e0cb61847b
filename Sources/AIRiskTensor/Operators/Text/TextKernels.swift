/// The operators of text pipelines (scikit-learn's `TfidfVectorizer` / `CountVectorizer` exported by
/// skl2onnx): ai.onnx StringNormalizer and TfIdfVectorizer, and com.microsoft Tokenizer.
package enum TextKernels {
    package static let all: [any Kernel.Type] = [
        StringNormalizerKernel.self,
        TokenizerKernel.self,
        TfIdfVectorizerKernel.self,
    ]
}

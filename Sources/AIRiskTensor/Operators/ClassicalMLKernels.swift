/// The ai.onnx.ml operators that scikit-learn exports: linear models, scalers, tree ensembles.
package enum ClassicalMLKernels {
    package static let all: [any Kernel.Type] = [
        LinearClassifierKernel.self,
        LinearRegressorKernel.self,
        ScalerKernel.self,
        NormalizerKernel.self,
        TreeEnsembleClassifierKernel.self,
        TreeEnsembleRegressorKernel.self,
        ZipMapKernel.self,
        ArrayFeatureExtractorKernel.self,
        ImputerKernel.self,
        BinarizerKernel.self,
        SVMClassifierKernel.self,
        SVMRegressorKernel.self,
        OneHotEncoderKernel.self,
        LabelEncoderKernel.self,
        FeatureVectorizerKernel.self,
    ]
}

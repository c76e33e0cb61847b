/// Convolution, pooling, normalisation and recurrent (RNN, GRU, LSTM) operators.
package enum NeuralKernels {
    package static let all: [any Kernel.Type] = [
        ConvKernel.self,
        MaxPoolKernel.self,
        AveragePoolKernel.self,
        GlobalAveragePoolKernel.self,
        GlobalMaxPoolKernel.self,
        BatchNormalizationKernel.self,
        RNNKernel.self,
        GRUKernel.self,
        LSTMKernel.self,
        LRNKernel.self,
        MeanVarianceNormalizationKernel.self,
        ResizeKernel.self,
        ConvTransposeKernel.self,
    ]
}

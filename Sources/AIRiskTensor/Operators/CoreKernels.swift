/// Linear algebra, elementwise, activation, shape and reduction operators.
public enum CoreKernels {
    public static let all: [any Kernel.Type] = [
        GemmKernel.self, MatMulKernel.self,
        BinaryKernel<AddOp>.self, BinaryKernel<SubOp>.self, BinaryKernel<MulOp>.self,
        BinaryKernel<DivOp>.self, BinaryKernel<PowOp>.self,
        UnaryKernel<NegFunction>.self, UnaryKernel<ExpFunction>.self, UnaryKernel<LogFunction>.self,
        UnaryKernel<SqrtFunction>.self, UnaryKernel<ReluFunction>.self, UnaryKernel<LeakyReluFunction>.self,
        UnaryKernel<EluFunction>.self, UnaryKernel<SigmoidFunction>.self, UnaryKernel<TanhFunction>.self,
        SoftmaxFamilyKernel<PlainSoftmax>.self, SoftmaxFamilyKernel<LogSoftmaxVariant>.self,
        FlattenKernel.self, ReshapeKernel.self, TransposeKernel.self, SqueezeKernel.self, UnsqueezeKernel.self,
        ConcatKernel.self, GatherKernel.self, SliceKernel.self, ShapeKernel.self,
        ConstantKernel.self, ConstantOfShapeKernel.self, IdentityKernel.self, CastKernel.self, DropoutKernel.self,
        ReduceKernel<MeanReduction>.self, ReduceKernel<SumReduction>.self, ArgMaxKernel.self, ClipKernel.self,
        // Beyond the required list: what exporters emit around shapes, masks and initial states.
        ExpandKernel.self, WhereKernel.self, NotKernel.self, UnaryKernel<AbsFunction>.self,
        UnaryKernel<ReciprocalFunction>.self, ComparisonKernel<EqualComparison>.self,
        ComparisonKernel<LessComparison>.self,
        ComparisonKernel<LessOrEqualComparison>.self, ComparisonKernel<GreaterComparison>.self,
        ComparisonKernel<GreaterOrEqualComparison>.self,
    ]
}

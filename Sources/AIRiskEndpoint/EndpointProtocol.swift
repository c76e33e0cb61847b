/// The wire format an endpoint speaks.
package enum EndpointProtocol: String, Sendable, CaseIterable {
    /// KServe V2 / Open Inference Protocol (MLServer, Triton, KServe): named tensors with shape,
    /// datatype and flat data.
    case kserveV2 = "kserve-v2"
    /// Row format `{"instances": rows}` → `{"predictions": …}` (MLflow `/invocations`, TF Serving
    /// `:predict`, KServe V1); the keys are configurable.
    case instances
}

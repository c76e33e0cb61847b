import AIRiskAccess
import AIRiskProbes
import AIRiskResults

/// A model ready to be assessed: how to query it, what it is, and what is known of its architecture.
///
/// A loader builds it (AIRiskLoader: an ONNX file, an HTTP endpoint or a command); the assessment only
/// queries ``access`` and never asks which kind of model is behind it.
package struct ResolvedModel: Sendable {
    /// The model as the deployment exposes it (already restricted to scores or labels when asked).
    package var access: any ModelAccess
    /// How the results identify the model: file and hash, or endpoint URL or command.
    package var identity: ModelIdentity
    /// The layer sizes when the model is a plain MLP or logistic model the in-process trainer can copy;
    /// nil when unknown (endpoints, commands, other graphs).
    package var architecture: MLPArchitecture?
    /// Endpoint or command: rows and requests used against its limit, read after the probes.
    package var usage: (@Sendable () -> [Budget])?
    /// Feature rows the model file itself holds (SVM support vectors, a kNN reference set): the assessment says
    /// which members are among them.
    package var storedRows: [StoredRowTable]
    /// Reference models the user trained (``AssessmentPlan/referenceModels``), for membership's LiRA and RMIA.
    package var references: ReferenceModelSet?

    package init(
        access: any ModelAccess, identity: ModelIdentity, architecture: MLPArchitecture? = nil,
        usage: (@Sendable () -> [Budget])? = nil, storedRows: [StoredRowTable] = [],
        references: ReferenceModelSet? = nil
    ) {
        self.storedRows = storedRows
        self.access = access
        self.identity = identity
        self.architecture = architecture
        self.usage = usage
        self.references = references
    }
}

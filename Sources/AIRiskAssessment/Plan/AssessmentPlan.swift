import AIRiskAccess
import AIRiskData
import AIRiskProbes
import AIRiskVocabulary
import Foundation

/// Everything an assessment needs to know before it starts.
package struct AssessmentPlan: Sendable {
    /// A data file and how to read its labels.
    package struct DataSource: Sendable {
        package var url: URL
        /// CSV: the label column (default "label").
        package var labelColumn: String?
        /// A .npy or .csv file holding the labels, when `url` holds only features.
        package var labelsURL: URL?

        package init(url: URL, labelColumn: String? = nil, labelsURL: URL? = nil) {
            self.url = url
            self.labelColumn = labelColumn
            self.labelsURL = labelsURL
        }
    }

    /// The model file; for an endpoint or command (which a loader resolves, see ``ResolvedModel``), the URL
    /// that names it in default file names.
    package var modelURL: URL
    /// Display name; the file name when nil.
    package var modelName: String?
    package var members: DataSource
    package var nonMembers: DataSource
    package var population: DataSource?
    package var probes: [ProbeKind]
    package var profile: Profile
    package var seed: UInt64
    /// low | medium | high (the policy's sensitivity ids).
    package var dataSensitivity: DataSensitivity
    /// How exposed the deployment is: public-api, internal or offline (the policy's exposure ids); it
    /// adjusts impact, never likelihood.
    package var exposure: String = "internal"
    /// Inversion target classes; nil for all.
    package var classes: [Int]?
    /// One input row's shape, when the ONNX file does not declare it.
    package var inputShape: [Int]?
    /// Inversion: the image each flattened input row holds, `[H, W]` or `[H, W, C]` (pixels in that
    /// order, channels last), so its reconstructions are rendered as pictures; nil to infer it.
    package var imageShape: [Int]?
    /// Inversion on tabular data: the sensitive feature attribute inference guesses, by column name or 0-based
    /// index (`--sensitive-feature`).
    package var sensitiveFeature: String?
    /// What inversion's ascent maximises (`--inversion-objective`); nil for the default, log p_c.
    package var inversionObjective: InversionConfiguration.Objective?
    /// Query budget per probe (rows), overriding the profile's.
    package var queryBudget: Int?
    /// Restricts what the probes see to what a deployment exposes: scores without gradients, or
    /// labels only. nil (or white-box) gives them everything the model file allows.
    package var access: AccessLevel?
    /// Defenses to measure: every selected probe re-runs behind each (see ``DefenseEvaluator``).
    package var defenses: [DefenseSpec] = []
    /// The profile of the defense what-if re-runs; nil for ``profile``.
    package var defenseProfile: Profile?
    /// A directory of reference models the user trained for membership's LiRA and RMIA: each `NAME.onnx` with
    /// `NAME.members.txt` (the 0-based rows of the members then non-members it was trained on). A loader
    /// reads them into ``ResolvedModel/references``.
    package var referenceModels: URL?
    /// The recipe of in-process reference models (``ReferenceRecipe/parse(_:defaults:)`` syntax), replacing
    /// the profile's calibration of it to the target.
    package var referenceRecipe: String?
    /// Reference models trained by the user's own pipeline (``ReferenceCommand``), instead of in-process ones.
    package var referenceCommand: ReferenceCommand?
    /// NaN, infinite and empty values in the data: an error or used with a warning; nil (the default) decides
    /// by the model: kept for a model that handles missing values (``ModelDescription/handlesMissingValues``),
    /// refused otherwise.
    package var missingValues: MissingValuePolicy?
    /// A differential-privacy ε the model is claimed to have, checked against membership's empirical ε lower bound
    /// (``EpsilonClaim``).
    package var claimedEpsilon: Double?

    package init(
        modelURL: URL, modelName: String? = nil, members: DataSource, nonMembers: DataSource,
        population: DataSource? = nil, probes: [ProbeKind] = ProbeKind.allCases, profile: Profile = .standard,
        seed: UInt64 = 0, dataSensitivity: DataSensitivity = .medium, classes: [Int]? = nil, inputShape: [Int]? = nil,
        queryBudget: Int? = nil
    ) {
        self.modelURL = modelURL
        self.modelName = modelName
        self.members = members
        self.nonMembers = nonMembers
        self.population = population
        self.probes = probes
        self.profile = profile
        self.seed = seed
        self.dataSensitivity = dataSensitivity
        self.classes = classes
        self.inputShape = inputShape
        self.queryBudget = queryBudget
    }
}

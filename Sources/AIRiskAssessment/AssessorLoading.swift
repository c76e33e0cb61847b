import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskProbes
import AIRiskResults
import AIRiskTensor
import Foundation

extension Assessor {
    /// Loads the model and the data sets, checking that they fit together. `remote` is an
    /// endpoint or command model already connected (see AssessorRemote.swift).
    func load(_ plan: AssessmentPlan, remote: RemoteModel? = nil) throws -> Inputs {
        let model: ONNXModel?
        let access: any ModelAccess
        let name: String
        if let remote {
            model = nil
            access = remote.access
            name = remote.access.description.name
        } else {
            progress("loading \(plan.modelURL.lastPathComponent)")
            let onnx = try ONNXModel.load(contentsOf: plan.modelURL)
            model = onnx
            name = plan.modelName ?? plan.modelURL.lastPathComponent
            let file = try ONNXModelAccess(model: onnx, name: name, inputShape: plan.inputShape)
            access =
                switch plan.access {
                case nil, .whiteBox?: file
                case .scores?: ScoresOnlyModel(file)
                case .labelsOnly?: LabelsOnlyModel(file)
                }
        }
        let desc = access.description

        var records: [DataSetRecord] = []
        var featureNames: [String] = []
        func read(_ source: AssessmentPlan.DataSource, _ role: DataSetRecord.Role) throws -> LabeledData {
            let ds = try DatasetLoader.load(url: source.url, labelColumn: source.labelColumn)
            let width = ds.rowShape.reduce(1, *)
            guard width == desc.featureCount else {
                throw AssessmentError.input(
                    "\(source.url.path): rows have \(width) features but \(name) expects \(desc.featureCount) (input rows of shape \(desc.inputShape))"
                )
            }
            guard let values = ds.features.floats else {
                throw AssessmentError.input("\(source.url.path): features are not numeric")
            }
            let features = Tensor(shape: [ds.rowCount] + desc.inputShape, scalars: values)
            let data: LabeledData
            if desc.isClassifier {
                guard let labels = ds.classLabels else {
                    throw AssessmentError.input(
                        "\(source.url.path): no integer class labels found (use an .npz with a 'y' array or a CSV 'label' column)"
                    )
                }
                let classes = desc.outputWidth
                if classes > 0, let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
                    throw AssessmentError.input(
                        "\(source.url.path): label \(bad) is outside the model's \(classes) classes (labels must be class indices 0…\(classes - 1))"
                    )
                }
                data = try LabeledData(features: features, labels: labels)
            } else {
                guard let targets = ds.labels?.floats ?? ds.labels?.int64s?.map({ Float($0) }) else {
                    throw AssessmentError.input("\(source.url.path): no regression targets found")
                }
                data = try LabeledData(features: features, labels: [], targets: targets)
            }
            if featureNames.isEmpty { featureNames = ds.featureNames }
            records.append(
                DataSetRecord(
                    role: role, file: source.url.path, sha256: try SHA256.hex(contentsOf: source.url),
                    rows: ds.rowCount,
                    features: width))
            return data
        }
        let members = try read(plan.members, .members)
        let nonMembers = try read(plan.nonMembers, .nonmembers)
        let population = try plan.population.map { try read($0, .population) }

        guard let model else {
            return Inputs(
                access: access, members: members, nonMembers: nonMembers, population: population,
                featureNames: featureNames, records: records, architecture: nil,
                identity: remote?.identity ?? Self.unknownIdentity(desc), remoteUsage: remote?.usage)
        }
        let identity = ModelIdentity(
            name: name, sourceKind: .file, location: plan.modelURL.path,
            sha256: try SHA256.hex(contentsOf: plan.modelURL),
            producer: [model.producerName, model.producerVersion].filter { !$0.isEmpty }.joined(separator: " "),
            opset: model.opsetImports[""] ?? model.opsetImports["ai.onnx"],
            operators: model.operators.map { ($0.domain.isEmpty ? "" : $0.domain + "::") + $0.opType },
            inputShape: [nil] + desc.inputShape.map { Optional($0) }, outputKind: desc.outputKind.rawValue,
            accessLevel: desc.accessLevel.rawValue)
        return Inputs(
            access: access, members: members, nonMembers: nonMembers, population: population,
            featureNames: featureNames,
            records: records, architecture: TargetArchitecture.hiddenSizes(of: model), identity: identity)
    }
}

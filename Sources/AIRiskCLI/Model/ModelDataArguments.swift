import AIRiskAccess
import AIRiskData
import AIRiskLoader
import ArgumentParser
import Foundation

/// `MODEL DATA [--label-column NAME]`: the ONNX model and the data file `predict` and `bench` run it on.
struct ModelDataArguments: ParsableArguments {
    @Argument(help: "The ONNX model file.")
    var model: String

    @Argument(help: "The data: .npy, .npz (features under x/X/features) or .csv with a header.")
    var data: String

    @Option(help: "CSV: the label column to drop from the features (default: 'label' if present).")
    var labelColumn: String?

    /// The model, and the data read the way the model takes it (its named columns; missing values kept only
    /// when the model handles them), checked to hold rows of the model's size.
    func load() throws -> (access: any ModelAccess, dataset: Dataset) {
        let access = try ModelLoader().resolveFile(URL(fileURLWithPath: model), hashing: false).access
        let d = access.description
        let dataset = try DatasetLoader.load(
            url: URL(fileURLWithPath: data), labelColumn: labelColumn,
            missingValues: d.handlesMissingValues ? .keep : .reject, columns: d.csvColumns)
        guard dataset.rowShape.reduce(1, *) == d.featureCount else {
            throw ModelAccessError.badInput(
                model: d.name,
                reason: "\(dataset.source) has rows of shape \(dataset.rowShape) (\(dataset.rowShape.reduce(1, *)) "
                    + "features) but the model expects rows of shape \(d.inputShape) (\(d.featureCount) features)")
        }
        return (access, dataset)
    }
}

/// Label-only answers are the strongest output-side defense: nothing but the predicted class.
extension LabelsOnlyModel: OutputDefense {
    package var setting: String { "label-only" }
}

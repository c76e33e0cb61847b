/// A model with free-text inputs (``FeatureDomain/text(_:)``), whose rows hold each text as its index among the
/// texts the assessment's data shows: once the data has been read, the model is told those texts.
package protocol FreeTextModel: ModelAccess {
    /// This model with each free-text input (by column name) reading its index in `texts[name]`; columns not
    /// named keep their texts.
    func indexingTexts(_ texts: [String: [String]]) -> any ModelAccess
}

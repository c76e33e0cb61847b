/// The language of a report's labels (data from the model and the catalog is shown as recorded).
package enum ReportLanguage: String, Sendable, CaseIterable {
    case en, ja
}

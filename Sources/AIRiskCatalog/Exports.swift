// Severity, RiskLevel and DataSensitivity are the shared vocabulary's: every client of the catalog sees them
// through this module.
@_exported import AIRiskVocabulary

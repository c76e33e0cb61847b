// Severity, RiskLevel, RiskFactor, Reference and DataSensitivity are the shared vocabulary's: every client
// of the results model sees them through this module.
@_exported import AIRiskVocabulary

import AIRiskVocabulary
import ArgumentParser

/// `--data-sensitivity low|medium|high`: any other value is refused naming the option and the accepted values.
extension DataSensitivity: ExpressibleByArgument {}

/// The tool's version, recorded in every results document.
public enum AIRiskVersion {
    public static let current = "0.1.0"
}

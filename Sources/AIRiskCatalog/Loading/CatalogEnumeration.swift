import AIRiskVocabulary

/// A value an attribute spells from a fixed list, e.g. a ``VerificationStatus``; ``ElementDecoder`` reports any
/// other spelling as "attribute "x" of <y> must be ``accepted``: z".
protocol CatalogEnumeration {
    init?(catalogText: String)
    /// The accepted spellings, e.g. "verified, inferred or unverified".
    static var accepted: String { get }
}

extension CatalogEnumeration where Self: RawRepresentable<String>, Self: CaseIterable {
    init?(catalogText: String) { self.init(rawValue: catalogText) }

    static var accepted: String { alternatives(allCases.map(\.rawValue)) }
}

/// "a, b or c".
func alternatives(_ spellings: [String]) -> String {
    guard let last = spellings.last, spellings.count > 1 else { return spellings.joined() }
    return spellings.dropLast().joined(separator: ", ") + " or " + last
}

extension VerificationStatus: CatalogEnumeration {}

extension DataSensitivity: CatalogEnumeration {}

/// Policy files spell levels in capitals ("LOW").
extension RiskLevel: CatalogEnumeration {
    init?(catalogText: String) { self.init(policyName: catalogText) }

    static var accepted: String { alternatives(allCases.map(\.policyName)) }
}

/// Policy files spell severities capitalised ("Critical").
extension Severity: CatalogEnumeration {
    init?(catalogText: String) { self.init(policyName: catalogText) }

    static var accepted: String { alternatives(allCases.map(\.policyName)) }
}

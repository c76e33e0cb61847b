import Testing

@testable import AIRiskCatalog

@Suite("The default risk policy")
struct RiskPolicyTests {
    @Test("levels follow OWASP: below 3 LOW, below 6 MEDIUM, else HIGH")
    func levels() throws {
        let policy = try Catalog.bundled().policy
        #expect(policy.level(for: 0) == .low)
        #expect(policy.level(for: 2.99) == .low)
        #expect(policy.level(for: 3) == .medium)
        #expect(policy.level(for: 5.99) == .medium)
        #expect(policy.level(for: 6) == .high)
        #expect(policy.level(for: 9) == .high)
    }

    @Test("the severity matrix runs from Note to Critical")
    func severityMatrix() throws {
        let policy = try Catalog.bundled().policy
        #expect(policy.severity(impact: .low, likelihood: .low) == .note)
        #expect(policy.severity(impact: .low, likelihood: .high) == .medium)
        #expect(policy.severity(impact: .medium, likelihood: .medium) == .medium)
        #expect(policy.severity(impact: .high, likelihood: .medium) == .high)
        #expect(policy.severity(impact: .high, likelihood: .high) == .critical)
    }

    @Test("metric bands map measured values to likelihood scores")
    func metricBands() throws {
        let policy = try Catalog.bundled().policy
        let membership = try #require(policy.probePolicy(for: "membership"))
        let leakage = try #require(membership.metrics.first { $0.id == "membership.leakage" })
        #expect(leakage.score(for: 0.01) == 2)
        #expect(leakage.score(for: 0.05) == 4)
        #expect(leakage.score(for: 0.60) == 9)
        #expect(leakage.score(for: .nan) == nil)
        let extraction = try #require(policy.probePolicy(for: "extraction"))
        let fidelity = try #require(extraction.metrics.first { $0.id == "extraction.leakage" })
        #expect(fidelity.score(for: 0.1) == 2)
        #expect(fidelity.score(for: 0.99) == 8)
        #expect(membership.targetFPR == 0.01)
        #expect(policy.exposure("public-api")?.impact == 0)
        #expect(policy.exposure("offline")?.impact == -4)
        #expect(policy.likelihoodRule.factorWeight == 0, "no threat-agent floor under every score")
    }

    @Test("each probe scores all eight likelihood factors, with ease of exploit derived from OWASP")
    func factorDefaults() throws {
        let policy = try Catalog.bundled().policy
        #expect(policy.likelihoodFactors.count == 8)
        for probe in ["membership", "inversion", "extraction"] {
            let p = try #require(policy.probePolicy(for: probe))
            #expect(Set(p.factorScores.map(\.factor)) == Set(policy.likelihoodFactors.map(\.id)))
            #expect(p.factorScores.first { $0.factor == "exploit" }?.derived == .owaspExploitability)
        }
        #expect(policy.convertOwasp(4) == 7)
        #expect(policy.sensitivity(.high)?.score == 7)
    }
}

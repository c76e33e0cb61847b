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
        let tpr = try #require(membership.metrics.first { $0.id == "membership.tpr_at_1pct_fpr" })
        #expect(tpr.score(for: 0.01) == 1)
        #expect(tpr.score(for: 0.05) == 5)
        #expect(tpr.score(for: 0.30) == 9)
        #expect(tpr.score(for: .nan) == nil)
        let extraction = try #require(policy.probePolicy(for: "extraction"))
        let queries = try #require(extraction.metrics.first { $0.id == "extraction.queries_to_95pct_fidelity" })
        #expect(queries.score(for: 11) == 9)
        #expect(queries.score(for: 5000) == 5)
        #expect(queries.score(for: 1e6) == 1)
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
        #expect(policy.sensitivity("high")?.score == 7)
    }
}

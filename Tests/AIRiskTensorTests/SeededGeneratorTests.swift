import AIRiskTensor
import Testing

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("the same seed gives the same stream; uniforms lie in [0, 1) with mean near 1/2")
    func reproducibleUniforms() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        let xs = (0..<1000).map { _ in a.nextUniform() }
        #expect(xs == (0..<1000).map { _ in b.nextUniform() })
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(xs.reduce(0, +) / 1000 - 0.5) < 0.05)
        let ds = (0..<1000).map { _ in a.nextUniformDouble() }
        #expect(ds.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(ds.reduce(0, +) / 1000 - 0.5) < 0.05)
        var c = SeededGenerator(seed: 43)
        #expect((0..<8).map { _ in c.next() } != (0..<8).map { _ in b.next() })
    }

    @Test("derived streams differ from each other and do not advance the parent")
    func derivedStreams() {
        let parent = SeededGenerator(seed: 1)
        var d1 = parent.derived(1)
        var d2 = parent.derived(2)
        var again = parent.derived(1)
        let s1 = (0..<8).map { _ in d1.next() }
        #expect(s1 != (0..<8).map { _ in d2.next() })
        #expect(s1 == (0..<8).map { _ in again.next() })
    }

    @Test("Gaussian samples have mean near 0 and variance near 1")
    func gaussian() {
        var g = SeededGenerator(seed: 7)
        let xs = (0..<20_000).map { _ in Double(g.nextGaussian()) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05, "mean \(mean), variance \(variance)")
        #expect(xs.allSatisfy { $0.isFinite })
    }
}

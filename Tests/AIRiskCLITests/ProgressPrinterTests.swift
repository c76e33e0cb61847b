import Testing

@testable import AIRiskCLI

@Suite("Progress bar")
struct ProgressPrinterTests {
    @Test("the bar shows the share done, the elapsed time and an estimate of the time left")
    func bar() {
        let line = ProgressPrinter.bar(probe: "membership", fraction: 0.25, elapsed: 3, width: 8)
        #expect(line == "membership [##------]  25 %  3.0 s, ~9 s left")
    }

    @Test("no estimate before there is anything to extrapolate from, and fractions are clamped")
    func edges() {
        #expect(!ProgressPrinter.bar(probe: "p", fraction: 0, elapsed: 1).contains("left"))
        #expect(ProgressPrinter.bar(probe: "p", fraction: 1.7, elapsed: 2, width: 4).hasPrefix("p [####] 100 %"))
    }

    @Test("a printer that is not on a terminal stays quiet")
    func quiet() {
        let p = ProgressPrinter(force: false)
        p.update(probe: "membership", fraction: 0.5)
        p("stage")
        #expect(!p.enabled)
    }
}

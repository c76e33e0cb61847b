import Synchronization
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

    @Test("off a terminal: one plain line per stage, no bar, no escape codes, and at most one probe line per 10 s")
    func plainLines() {
        let lines = Lines()
        let p = ProgressPrinter(terminal: false) { text in lines.text.withLock { $0.append(text) } }
        p("loading model.onnx")
        for i in 0..<1_000 { p.update(probe: "membership", fraction: Double(i) / 1_000) }
        p("membership: done")
        let written = lines.text.withLock { $0 }
        #expect(written.count == 2, "\(written)")
        #expect(written.allSatisfy { $0.hasSuffix("\n") && !$0.contains("\u{1B}") && !$0.contains("\r") })
        #expect(written[0].hasSuffix("] loading model.onnx\n"))
    }

    @Test("a plain probe line says the share done, the elapsed time and the time left")
    func plainLine() {
        #expect(
            ProgressPrinter.plainLine(probe: "membership", fraction: 0.25, elapsed: 3)
                == "membership: 25 % after 3.0 s, ~9 s left")
    }
}

/// What a test printer wrote, one entry per write.
private final class Lines: Sendable {
    let text = Mutex<[String]>([])
}

import Testing

@testable import AIRiskEndpoint

/// The JSON-lines reader of `--model-cmd`: a child's stdout, in whatever chunks it arrives.
@Suite("Line queue")
struct LineQueueTests {
    @Test("lines split across chunks come out whole and in order, then end of file")
    func chunks() {
        let q = LineQueue()
        let text = Array("{\"a\":1}\n\n{\"b\":[2,\n3]}\npartial".utf8)
        for i in stride(from: 0, to: text.count, by: 3) { q.feed(Array(text[i..<min(text.count, i + 3)])) }
        #expect(q.poll() == .line(Array("{\"a\":1}".utf8)))
        #expect(q.poll() == .line([]))
        #expect(q.poll() == .line(Array("{\"b\":[2,".utf8)))
        #expect(q.poll() == .line(Array("3]}".utf8)))
        #expect(q.poll() == nil)
        q.feed([])
        #expect(q.poll() == .endOfFile)
        #expect(q.poll() == .endOfFile)
    }

    @Test("a line longer than the limit is dropped and ends the stream after the lines before it")
    func overlong() {
        let q = LineQueue(maxLineBytes: 8)
        q.feed(Array("12345678\nabc".utf8))
        q.feed(Array("defghi".utf8))
        q.feed(Array("\nlater\n".utf8))
        #expect(q.poll() == .line(Array("12345678".utf8)))
        #expect(q.poll() == .lineTooLong)
        q.feed([])
        #expect(q.poll() == .lineTooLong)
    }

    @Test("many unread lines are handed out one by one without losing any")
    func manyLines() {
        let q = LineQueue()
        q.feed([UInt8](repeating: 0x0A, count: 5000) + Array("x\n".utf8))
        var count = 0
        while case .line(let l) = q.poll(), l.isEmpty { count += 1 }
        #expect(count == 5000)
        #expect(q.poll() == nil)
    }

    @Test("a reader waiting for a line gets it when it arrives, or a timeout")
    func waiting() async {
        let q = LineQueue()
        async let next = q.next(timeout: 5)
        try? await Task.sleep(for: .milliseconds(20))
        q.feed(Array("ok\n".utf8))
        #expect(await next == .line(Array("ok".utf8)))
        #expect(await q.next(timeout: 0.01) == .timedOut)
    }
}

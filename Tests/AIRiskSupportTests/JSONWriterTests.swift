import AIRiskSupport
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    static let value = JSONValue.object([
        ("name", .string("a\"b<c>")), ("n", .int(3)), ("x", .double(0.25)), ("whole", .double(2)),
        ("nan", .double(.nan)), ("list", .array([.bool(true), .null])), ("empty", .object([])),
    ])

    @Test("pretty: two-space indentation, keys in order, a final newline")
    func pretty() {
        #expect(
            JSONWriter.pretty(Self.value) == """
                {
                  "name": "a\\"b\\u003cc\\u003e",
                  "n": 3,
                  "x": 0.25,
                  "whole": 2,
                  "nan": "NaN",
                  "list": [
                    true,
                    null
                  ],
                  "empty": {}
                }

                """)
    }

    @Test("compact: one line, no spaces, for request bodies and JSON lines")
    func compact() {
        #expect(
            JSONWriter.compact(Self.value)
                == #"{"name":"a\"b\u003cc\u003e","n":3,"x":0.25,"whole":2,"nan":"NaN","list":[true,null],"empty":{}}"#)
    }

    @Test("numbers in their shortest form; non-finite ones have none")
    func numbers() {
        #expect(JSONWriter.number(Float(0.1)) == "0.1")
        #expect(JSONWriter.number(Float(3)) == "3")
        #expect(JSONWriter.number(Float.infinity) == nil)
        #expect(JSONWriter.number(1e300) == "1e+300")
        #expect(JSONWriter.number(-7.0) == "-7")
        #expect(JSONWriter.number(Double.nan) == nil)
    }

    @Test("control characters never appear raw: C0, DEL, C1, bidirectional controls, line separators")
    func controls() {
        let quoted = JSONWriter.quote("\u{1B}[2J\u{7F}\u{9B}\u{202E}\u{2028}\t")
        #expect(quoted == #""\u001b[2J\u007f\u009b\u202e\u2028\t""#)
    }

    @Test("what the writer writes, the parser reads back")
    func roundTrip() throws {
        let text = JSONWriter.compact(Self.value)
        let back = try JSONParser.parse(Array(text.utf8))
        #expect(back["name"]?.stringValue == "a\"b<c>")
        #expect(back["n"] == .int(3))
        #expect(back["x"] == .double(0.25))
        #expect(back["list"] == .array([.bool(true), .null]))
    }
}

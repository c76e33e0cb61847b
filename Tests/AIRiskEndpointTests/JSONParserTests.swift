import AIRiskSupport
import Testing

@testable import AIRiskEndpoint

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ s: String) throws -> JSONValue { try JSONParser.parse(Array(s.utf8)) }

    @Test("integers and floats are told apart; NaN and ±Infinity are accepted")
    func numbers() throws {
        let v = try parse(#"{"p": [1, 2.5, -3e2, NaN, Infinity, -Infinity, 0]}"#)
        let items = try #require(v["p"]?.arrayValue)
        #expect(items[0] == .int(1))
        #expect(items[1] == .double(2.5))
        #expect(items[2] == .double(-300))
        #expect(items[3].numberValue?.isNaN == true)
        #expect(items[4].numberValue == .infinity)
        #expect(items[5].numberValue == -.infinity)
        #expect(items[6] == .int(0))
    }

    @Test("strings with escapes, nested objects and literals")
    func structure() throws {
        let v = try parse(#" {"a": "x\"y\u00e9\n", "b": {"c": [true, false, null]}, "d": []} "#)
        #expect(v["a"]?.stringValue == "x\"yé\n")
        #expect(v["b"]?["c"] == .array([.bool(true), .bool(false), .null]))
        #expect(v["d"] == .array([]))
    }

    @Test(
        "truncated and malformed documents are errors that say where",
        arguments: [
            #"{"outputs": [1, 2"#, #"{"a": 1} x"#, #"{"a" 1}"#, #"[1, 2,]"#, "", #"{"a": tru}"#, "-",
        ])
    func invalid(text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test("surrogate escapes: pairs combine, an unpaired one reads as U+FFFD, never a trap")
    func surrogates() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("\u{1F600}"))
        #expect(try parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        #expect(try parse(#""\ud83d\ud83d\ude00x""#) == .string("\u{FFFD}\u{1F600}x"))
        #expect(try parse(#""\ude00\ud83d""#) == .string("\u{FFFD}\u{FFFD}"))
        #expect(throws: JSONParser.Failure.self) { try parse(#""\ud83d\uZZZZ""#) }
        // The fuzzer's input: a high surrogate, then another high one, in a truncated string.
        let fixture = try FuzzFixture("json_unpaired_surrogate.bin")
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(fixture.body) }
    }

    @Test("a truncated document says it ends early")
    func truncated() {
        do {
            _ = try parse(#"{"predictions": [[0.1, 0.9], [0.2"#)
            Issue.record("parsed a truncated document")
        } catch {
            #expect("\(error)".contains("truncated"))
        }
    }
}

import AIRiskAccess
import Testing

@testable import AIRiskEndpoint

@Suite("Payload codec")
struct PayloadCodecTests {
    let v2 = PayloadCodec(
        wireProtocol: .kserveV2, inputName: "x", outputName: "predict_proba", instancesKey: "instances",
        predictionsKey: "predictions")
    let rows = PayloadCodec(
        wireProtocol: .instances, inputName: "", outputName: nil, instancesKey: "inputs", predictionsKey: "outputs")

    @Test("KServe V2 requests carry name, shape, datatype, flat data and the wanted output")
    func encodeV2() throws {
        let body = try v2.encode([1, 0.5, -2, 3][...], rows: 2, rowShape: [2])
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"inputs":[{"name":"x","shape":[2,2],"datatype":"FP32","data":[1,0.5,-2,3]}],"outputs":[{"name":"predict_proba"}]}"#
        )
    }

    @Test("row-format requests nest each row to its shape under the configured key")
    func encodeRows() throws {
        let body = try rows.encode([1, 2, 3, 4, 5, 6, 7, 8][...], rows: 2, rowShape: [2, 2])
        #expect(String(decoding: body, as: UTF8.self) == #"{"inputs":[[[1,2],[3,4]],[[5,6],[7,8]]]}"#)
        #expect(throws: EndpointError.self) { try rows.encode([Float.nan][...], rows: 1, rowShape: [1]) }
    }

    @Test("KServe V2 answers: the named output, integer outputs as labels, shape checks")
    func decodeV2() throws {
        let answer =
            #"{"outputs":[{"name":"predict","datatype":"INT64","shape":[2],"data":[1,0]},"#
            + #"{"name":"predict_proba","datatype":"FP64","shape":[2,2],"data":[0.25,0.75,0.5,0.5]}]}"#
        #expect(try v2.decode(Array(answer.utf8), rows: 2) == .scores([0.25, 0.75, 0.5, 0.5], width: 2))
        var labels = v2
        labels.outputName = "predict"
        #expect(try labels.decode(Array(answer.utf8), rows: 2) == .labels([1, 0]))
        #expect(throws: EndpointError.self) { try v2.decode(Array(answer.utf8), rows: 3) }
        var missing = v2
        missing.outputName = "logits"
        #expect(throws: EndpointError.self) { try missing.decode(Array(answer.utf8), rows: 2) }
        #expect(throws: EndpointError.self) { try v2.decode(Array(#"{"error":"model not ready"}"#.utf8), rows: 2) }
    }

    @Test("an output guessed from the metadata falls back to the usual choice when the answer lacks it")
    func guessedOutput() throws {
        var guessed = v2
        guessed.outputRequired = false
        let answer = #"{"outputs":[{"name":"predict","datatype":"INT64","shape":[2],"data":[1,0]}]}"#
        #expect(try guessed.decode(Array(answer.utf8), rows: 2) == .labels([1, 0]))
        #expect(throws: EndpointError.self) { try v2.decode(Array(answer.utf8), rows: 2) }
    }

    @Test("top-k answers widen to one score per class; the rest share the leftover mass")
    func topK() throws {
        var codec = rows
        let body = Array(
            #"{"outputs":[{"classes":[2,0],"scores":[0.6,0.3]},{"classes":[1,2],"scores":[0.9,0.1]}]}"#.utf8)
        #expect(throws: EndpointError.self) { try codec.decode(body, rows: 2) }
        codec.classCount = 4
        guard case .scores(let v, let w) = try codec.decode(body, rows: 2) else {
            Issue.record("top-k answer not read as scores")
            return
        }
        #expect(w == 4)
        let expected: [Float] = [0.3, 0.05, 0.6, 0.05, 0, 0.9, 0.1, 0]
        #expect(zip(v, expected).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(OutputInterpreter.kind(of: .scores(v, width: w)).kind == .probabilities)
    }

    @Test("row-format answers: arrays, scalars, objects with a probabilities member, bare lists")
    func decodeRows() throws {
        #expect(
            try rows.decode(Array(#"{"outputs":[[0.1,0.9],[1,0]]}"#.utf8), rows: 2)
                == .scores([0.1, 0.9, 1, 0], width: 2))
        #expect(try rows.decode(Array(#"{"outputs":[2,0,1]}"#.utf8), rows: 3) == .labels([2, 0, 1]))
        #expect(try rows.decode(Array(#"{"outputs":[2.5,0.1]}"#.utf8), rows: 2) == .scores([2.5, 0.1], width: 1))
        #expect(
            try rows.decode(Array(#"{"outputs":[{"classes":1,"probabilities":[0.3,0.7]}]}"#.utf8), rows: 1)
                == .scores([0.3, 0.7], width: 2))
        #expect(try rows.decode(Array(#"[[0.5,0.5]]"#.utf8), rows: 1) == .scores([0.5, 0.5], width: 2))
        #expect(throws: EndpointError.self) { try rows.decode(Array(#"{"outputs":[[0.1,0.9],[1]]}"#.utf8), rows: 2) }
        #expect(throws: EndpointError.self) { try rows.decode(Array(#"{"predictions":[[0.1]]}"#.utf8), rows: 1) }
    }

    @Test("a top-k class index too large for an Int is never a trap: refused, or not top-k at all (fuzz)")
    func topKIndexOverflow() throws {
        // The fuzzer's input: without scores the rows are not top-k answers, so they read as plain numbers.
        let fixture = try FuzzFixture("topk_class_index_overflow.bin")
        var codec = rows
        codec.classCount = 4
        let answer = try codec.decode(fixture.body, rows: fixture.rows)
        #expect(answer == .scores([Float(9_223_720_368_547_758_080.0 as Double), 2], width: 1))
        let body = Array(#"{"outputs":[{"classes":[100000000000000000000],"scores":[0.5]}]}"#.utf8)
        #expect(throws: EndpointError.self) { try codec.decode(body, rows: 1) }
    }

    @Test("a KServe V2 output shape whose first size is huge, fractional or NaN is refused, not a trap")
    func v2ShapeNotAnInt() throws {
        let fixture = try FuzzFixture("v2_shape_huge_dimension.bin")
        var codec = v2
        codec.outputName = nil
        #expect(throws: EndpointError.self) { try codec.decode(fixture.body, rows: fixture.rows) }
        for first in ["NaN", "-Infinity", "1.5", "1e300", "-9223372036854775809"] {
            let body = Array(#"{"outputs":[{"name":"p","shape":[\#(first)],"data":[0.5]}]}"#.utf8)
            #expect(throws: EndpointError.self) { try codec.decode(body, rows: 1) }
        }
        let ok = Array(#"{"outputs":[{"name":"p","shape":[1.0,2],"data":[0.5,0.5]}]}"#.utf8)
        #expect(try codec.decode(ok, rows: 1) == .scores([0.5, 0.5], width: 2))
    }

    @Test("what comes back decides the output kind")
    func interpretation() {
        #expect(OutputInterpreter.kind(of: .labels([1, 2])) == (.labels, 0))
        #expect(OutputInterpreter.kind(of: .scores([0.2, 0.8, 0.5, 0.5], width: 2)) == (.probabilities, 2))
        // Rounded to two decimals, still probabilities.
        #expect(OutputInterpreter.kind(of: .scores([0.33, 0.33, 0.33], width: 3)) == (.probabilities, 3))
        #expect(OutputInterpreter.kind(of: .scores([2.1, -0.3, 0.5, 0.5], width: 2)) == (.logits, 2))
        #expect(OutputInterpreter.kind(of: .scores([0.2, 0.2], width: 2)) == (.logits, 2))
        #expect(OutputInterpreter.kind(of: .scores([0.7, 3.2], width: 1)) == (.regression, 1))
    }
}

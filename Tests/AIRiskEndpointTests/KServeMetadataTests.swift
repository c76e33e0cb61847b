import Testing

@testable import AIRiskEndpoint

/// The KServe V2 model metadata (`GET /v2/models/NAME`) that `connect` reads before the first request.
@Suite("KServe V2 metadata")
struct KServeMetadataTests {
    @Test("name, first input, output names and the row shape of an MLServer document")
    func mlserver() throws {
        let body =
            #"{"name":"m","versions":["1"],"platform":"sklearn","inputs":[{"name":"x","datatype":"fp64","#
            + #""shape":[-1,64]}],"outputs":[{"name":"predict"},{"name":"predict_proba","shape":[-1,10]}]}"#
        let m = try #require(KServeMetadata(json: Array(body.utf8)))
        #expect(m.name == "m")
        #expect(m.input == .init(name: "x", datatype: "FP64", shape: [-1, 64]))
        #expect(m.outputs == ["predict", "predict_proba"])
        #expect(m.rowShape == [64])
        #expect(KServeMetadata(json: Array("not json".utf8)) == nil)
        #expect(KServeMetadata(json: Array(#"{"inputs":[{"name":"x","shape":[-1]}]}"#.utf8))?.rowShape == nil)
    }

    @Test("an input size too large for an Int is dynamic, not a trap (fuzz)")
    func hugeDimension() throws {
        let m = try #require(KServeMetadata(json: try FuzzFixture("metadata_huge_dimension.bin").body))
        #expect(m.input?.shape == [-1, -1])
        #expect(m.rowShape == nil)
        let fractional = try #require(
            KServeMetadata(json: Array(#"{"inputs":[{"name":"x","shape":[-1,2.5,NaN,4]}]}"#.utf8)))
        #expect(fractional.input?.shape == [-1, -1, -1, 4])
    }

    @Test("a row shape that overflows or passes 2^24 values is not used (no overflow trap, no huge allocation)")
    func hugeRow() throws {
        for name in ["metadata_row_overflow.bin", "metadata_row_too_large.bin"] {
            let m = try #require(KServeMetadata(json: try FuzzFixture(name).body))
            #expect(m.input != nil)
            #expect(m.rowShape == nil, "\(name)")
        }
        #expect(KServeMetadata.valuesPerRow([4096, 4096]) == 1 << 24)
        #expect(KServeMetadata.valuesPerRow([4096, 4097]) == nil)
        #expect(KServeMetadata.valuesPerRow([Int.max, 2]) == nil)
        #expect(KServeMetadata.valuesPerRow([3, 0]) == nil)
    }
}

import AIRiskProbes
import Foundation
import Testing

@testable import AIRiskAssessment

/// `--image-shape H,W,C` reads a flattened row channels last; the picture must be the same one a
/// channels-first row of the same image gives.
@Suite("Inversion images: channels-first and channels-last rows")
struct InversionImageLayoutTests {
    @Test("a 2×3 RGB image renders the same from [C, H, W] and [H, W, C] rows")
    func sameImage() throws {
        let (c, h, w) = (3, 2, 3)
        var first = [Float](repeating: 0, count: c * h * w)
        var last = first
        for ch in 0..<c {
            for i in 0..<h {
                for j in 0..<w {
                    let v = Float(ch * 100 + i * 10 + j) / 300
                    first[(ch * h + i) * w + j] = v
                    last[(i * w + j) * c + ch] = v
                }
            }
        }
        let range = FeatureRange(
            lower: [Float](repeating: 0, count: c * h * w), upper: [Float](repeating: 1, count: c * h * w))
        let a = try #require(RecordImage(shape: [c, h, w], channelsLast: false, range: range).png(first))
        let b = try #require(RecordImage(shape: [c, h, w], channelsLast: true, range: range).png(last))
        #expect(a.data == b.data)
        #expect(a.width == 3 * (128 / 3) && a.height == 2 * (128 / 3))
        let swapped = try #require(RecordImage(shape: [c, h, w], channelsLast: false, range: range).png(last))
        #expect(swapped.data != a.data)
    }
}

import AIRiskProbes
import AIRiskTensor
import Foundation

/// How one input row of an image model is drawn: its layout as a picture and the value range mapped to
/// black…white. Inversion draws its reconstructions with it, membership its most exposed member records.
struct RecordImage: Sendable {
    /// [channels, height, width]; channels is 1 or 3.
    var shape: [Int]
    /// Whether a row holds its pixels height, width, channel (`--image-shape H,W,C`) instead of channels first.
    var channelsLast: Bool
    var range: FeatureRange

    init(shape: [Int], channelsLast: Bool, range: FeatureRange) {
        self.shape = shape
        self.channelsLast = channelsLast
        self.range = range
    }

    /// The layout `--image-shape` gives (H,W[,C], read channels last), else one read from the model's input
    /// shape as inversion reads it; nil for inputs that are not images.
    init?(imageShape: [Int]?, inputShape: [Int], range: FeatureRange) {
        if let s = imageShape, s.count == 2 || s.count == 3 {
            self.init(shape: [s.count == 3 ? s[2] : 1, s[0], s[1]], channelsLast: true, range: range)
        } else if let s = InversionProbe.imageShape(of: inputShape), s.count == 3 {
            self.init(shape: s, channelsLast: false, range: range)
        } else {
            return nil
        }
        guard shape[0] == 1 || shape[0] == 3 else { return nil }
    }

    /// An upscaled PNG of one row (at least 128 px on its longer side), nil when the row's length does not
    /// match the layout.
    func png(_ x: [Float]) -> (data: Data, width: Int, height: Int)? {
        guard shape.count == 3 else { return nil }
        let (c, h, w) = (shape[0], shape[1], shape[2])
        guard c * h * w == x.count, c == 1 || c == 3 else { return nil }
        let lo = range.lower.min() ?? 0
        let hi = range.upper.max() ?? 1
        let span = hi > lo ? hi - lo : 1
        let scale = max(1, 128 / max(h, w))
        let (W, H) = (w * scale, h * scale)
        var pixels = [UInt8](repeating: 0, count: W * H * c)
        for y in 0..<H {
            for xx in 0..<W {
                for ch in 0..<c {
                    let (i, j) = (y / scale, xx / scale)
                    let v = x[channelsLast ? (i * w + j) * c + ch : (ch * h + i) * w + j]
                    let t = v.isFinite ? min(max((v - lo) / span, 0), 1) : 0
                    pixels[(y * W + xx) * c + ch] = UInt8((t * 255).rounded())
                }
            }
        }
        guard
            let data = try? PNGEncoder.encode(
                width: W, height: H, colorType: c == 1 ? .grayscale : .rgb, pixels: pixels)
        else { return nil }
        return (data, W, H)
    }
}

import Foundation

/// Maps data values onto one pixel axis, linearly or on log10, and proposes tick positions.
struct ChartScale {
    let low: Double
    let high: Double
    let pixelLow: Double
    let pixelHigh: Double
    let isLog: Bool
    /// On a log axis, the decades of `low` and `high`.
    let lowExponent: Int
    let highExponent: Int

    /// The decades a log axis can span: 10^e is a finite, non-zero Double for these.
    static let exponents = -323...308
    /// No axis draws more ticks than this, whatever the data (a bounded loop, never a hang).
    static let maxTicks = 12

    /// A scale covering `values` (non-finite values are ignored, and non-positive ones on a log scale).
    /// `includeZero` anchors linear axes at zero, as counts and bars want. Any finite values give a
    /// finite axis with finite ticks, from 5e-324 to ±1.7e308.
    init(values: [Double], pixels: (Double, Double), log: Bool, includeZero: Bool = false) {
        let usable = values.filter { $0.isFinite && (!log || $0 > 0) }
        var lo = usable.min() ?? (log ? 0.001 : 0)
        var hi = usable.max() ?? 1
        var lowExponent = 0
        var highExponent = 0
        if log {
            let range = Self.exponents
            lowExponent = min(max(Int(floor(log10(lo))), range.lowerBound), range.upperBound)
            highExponent = min(max(Int(ceil(log10(hi))), range.lowerBound), range.upperBound)
            if lowExponent >= highExponent {
                if lowExponent < range.upperBound {
                    highExponent = lowExponent + 1
                } else {
                    lowExponent = highExponent - 1
                }
            }
            lo = pow(10, Double(lowExponent))
            hi = pow(10, Double(highExponent))
        } else {
            if includeZero { lo = min(lo, 0) }
            if lo == hi {
                // Widen by 5 % of the value (at least ½): ±0.5 vanishes next to 1e17.
                let pad = max(0.5, abs(lo) * 0.05)
                lo = max(lo - pad, -Double.greatestFiniteMagnitude)
                hi = min(hi + pad, Double.greatestFiniteMagnitude)
            }
            // hi − lo may overflow (−1.7e308 … 1.7e308); a fifth of each cannot.
            let step = Self.niceStep(hi / 5 - lo / 5)
            let roundedLow = floor(lo / step) * step
            let roundedHigh = ceil(hi / step) * step
            if roundedLow.isFinite { lo = roundedLow }
            if roundedHigh.isFinite { hi = roundedHigh }
        }
        self.low = lo
        self.high = hi
        self.pixelLow = pixels.0
        self.pixelHigh = pixels.1
        self.isLog = log
        self.lowExponent = lowExponent
        self.highExponent = highExponent
    }

    /// Pixel position of `value` (clamped to the axis; a value that cannot be placed sits at the low end).
    func position(_ value: Double) -> Double {
        var t: Double
        if isLog {
            let v = max(value, low)
            t = (log10(v) - Double(lowExponent)) / Double(highExponent - lowExponent)
        } else {
            // Halves keep high − low finite across the whole Double range.
            t = (value / 2 - low / 2) / (high / 2 - low / 2)
        }
        if !t.isFinite { t = 0 }
        let clamped = min(max(t, 0), 1)
        return pixelLow + clamped * (pixelHigh - pixelLow)
    }

    /// Whether a value can be drawn on this scale.
    func accepts(_ value: Double) -> Bool { value.isFinite && (!isLog || value > 0) }

    var ticks: [Double] {
        if isLog {
            let stride = max(1, (highExponent - lowExponent + 5) / 6)
            return Swift.stride(from: lowExponent, through: highExponent, by: stride).map { pow(10, Double($0)) }
        }
        let step = Self.niceStep(high / 5 - low / 5)
        var out: [Double] = []
        for i in 0...Self.maxTicks {
            let v = low + Double(i) * step
            guard v.isFinite, v <= high + step * 1e-9 else { break }
            // A step below the spacing of Doubles at this magnitude would repeat the same tick.
            if let last = out.last, v <= last { continue }
            out.append(abs(v) < step * 1e-9 ? 0 : v)
        }
        return out
    }

    /// A tick's label; total over every Double (a value a log axis cannot place reads as a plain number).
    func label(_ value: Double) -> String {
        if isLog && value > 0 && value.isFinite {
            let exponent = Int(log10(value).rounded())
            if (-2...4).contains(exponent) { return NumberFormat.short(value) }
            return "1e\(exponent)"
        }
        return NumberFormat.short(value)
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let base = pow(10, floor(log10(raw)))
        guard base > 0, base.isFinite else { return raw }
        let f = raw / base
        let nice: Double = f <= 1 ? 1 : (f <= 2 ? 2 : (f <= 5 ? 5 : 10))
        let step = nice * base
        return step.isFinite ? step : raw
    }
}

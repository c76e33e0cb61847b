import Foundation

/// Maps data values onto one pixel axis, linearly or on log10, and proposes tick positions.
struct ChartScale {
    let low: Double
    let high: Double
    let pixelLow: Double
    let pixelHigh: Double
    let isLog: Bool

    /// A scale covering `values` (non-positive values are ignored on a log scale). `includeZero` anchors linear
    /// axes at zero, as counts and bars want.
    init(values: [Double], pixels: (Double, Double), log: Bool, includeZero: Bool = false) {
        let usable = values.filter { $0.isFinite && (!log || $0 > 0) }
        var lo = usable.min() ?? (log ? 0.001 : 0)
        var hi = usable.max() ?? 1
        if log {
            lo = pow(10, floor(log10(lo)))
            hi = pow(10, ceil(log10(hi)))
            if lo == hi { hi = lo * 10 }
        } else {
            if includeZero { lo = min(lo, 0) }
            if lo == hi {
                lo -= 0.5
                hi += 0.5
            }
            let step = Self.niceStep((hi - lo) / 5)
            lo = floor(lo / step) * step
            hi = ceil(hi / step) * step
        }
        self.low = lo
        self.high = hi
        self.pixelLow = pixels.0
        self.pixelHigh = pixels.1
        self.isLog = log
    }

    /// Pixel position of `value` (clamped to the axis).
    func position(_ value: Double) -> Double {
        let t: Double
        if isLog {
            let v = max(value, low)
            t = (log10(v) - log10(low)) / (log10(high) - log10(low))
        } else {
            t = (value - low) / (high - low)
        }
        let clamped = min(max(t, 0), 1)
        return pixelLow + clamped * (pixelHigh - pixelLow)
    }

    /// Whether a value can be drawn on this scale.
    func accepts(_ value: Double) -> Bool { value.isFinite && (!isLog || value > 0) }

    var ticks: [Double] {
        if isLog {
            let a = Int(log10(low).rounded())
            let b = Int(log10(high).rounded())
            let stride = max(1, (b - a + 5) / 6)
            return Swift.stride(from: a, through: b, by: stride).map { pow(10, Double($0)) }
        }
        let step = Self.niceStep((high - low) / 5)
        var out: [Double] = []
        var v = low
        while v <= high + step * 1e-9 {
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return out
    }

    func label(_ value: Double) -> String {
        if isLog {
            let exponent = Int(log10(value).rounded())
            if (-2...4).contains(exponent) { return NumberFormat.short(value) }
            return "1e\(exponent)"
        }
        return NumberFormat.short(value)
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let base = pow(10, floor(log10(raw)))
        let f = raw / base
        let nice: Double = f <= 1 ? 1 : (f <= 2 ? 2 : (f <= 5 ? 5 : 10))
        return nice * base
    }
}

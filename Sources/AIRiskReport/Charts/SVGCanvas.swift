/// Accumulates SVG markup for one chart; every string that reaches it from data is escaped here.
struct SVGCanvas {
    /// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), yellow darkened so it
    /// reads on white. Series beyond eight repeat a colour with another dash and marker (see ``SeriesStyle``).
    static let palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c6d00"]
    let width: Double
    /// Grows when the legend needs more rows than the frame planned for.
    var height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil
    ) {
        body +=
            "<line x1=\"\(Self.f(x1))\" y1=\"\(Self.f(y1))\" x2=\"\(Self.f(x2))\" y2=\"\(Self.f(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(Self.f(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    mutating func rect(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, opacity: Double = 1,
        title: String? = nil, stroke: String? = nil, pattern: String? = nil
    ) {
        body +=
            "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(max(w, 0)))\" height=\"\(Self.f(max(h, 0)))\" "
            + "fill=\"\(pattern.map { "url(#\($0))" } ?? fill)\"" + (opacity < 1 ? " fill-opacity=\"\(opacity)\"" : "")
            + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "")
        if let title {
            body += "><title>\(HTMLEscape.escape(title))</title></rect>"
        } else {
            body += "/>"
        }
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard !points.isEmpty else { return }
        let coords = points.map { "\(Self.f($0.0)),\(Self.f($0.1))" }.joined(separator: " ")
        body +=
            "<polyline points=\"\(coords)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.f(width))\" "
            + "stroke-linejoin=\"round\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// A hollow circle centred on (x, y), with an optional tooltip.
    mutating func circle(_ x: Double, _ y: Double, radius: Double, stroke: String, title: String? = nil) {
        body +=
            "<circle cx=\"\(Self.f(x))\" cy=\"\(Self.f(y))\" r=\"\(Self.f(radius))\" fill=\"#ffffff\" "
            + "stroke=\"\(stroke)\" stroke-width=\"1.5\""
            + (title.map { "><title>\(HTMLEscape.escape($0))</title></circle>" } ?? "/>")
    }

    /// A series marker centred on (x, y), with an optional tooltip.
    mutating func marker(_ shape: SeriesStyle.Marker, _ x: Double, _ y: Double, color: String, title: String? = nil) {
        let r = 3.6
        let tail = title.map { "><title>\(HTMLEscape.escape($0))</title></\(shape.element)>" } ?? "/>"
        let paint = "fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"0.8\""
        switch shape {
        case .circle:
            body += "<circle cx=\"\(Self.f(x))\" cy=\"\(Self.f(y))\" r=\"\(Self.f(r))\" \(paint)" + tail
        case .square:
            body +=
                "<rect x=\"\(Self.f(x - r))\" y=\"\(Self.f(y - r))\" width=\"\(Self.f(2 * r))\" "
                + "height=\"\(Self.f(2 * r))\" \(paint)" + tail
        case .triangle, .diamond, .cross:
            let points: [(Double, Double)]
            switch shape {
            case .triangle: points = [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)]
            case .diamond: points = [(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)]
            default:
                points = [
                    (-1.2, -0.45), (-0.45, -0.45), (-0.45, -1.2), (0.45, -1.2), (0.45, -0.45), (1.2, -0.45),
                    (1.2, 0.45), (0.45, 0.45), (0.45, 1.2), (-0.45, 1.2), (-0.45, 0.45), (-1.2, 0.45),
                ]
            }
            let coords = points.map { "\(Self.f(x + $0.0 * r)),\(Self.f(y + $0.1 * r))" }.joined(separator: " ")
            body += "<polygon points=\"\(coords)\" \(paint)" + tail
        }
    }

    mutating func text(
        _ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Double = 11,
        weight: String? = nil, rotate: Double? = nil, fill: String = "#1f2933", title: String? = nil
    ) {
        let transform = rotate.map { " transform=\"rotate(\(Self.f($0)) \(Self.f(x)) \(Self.f(y)))\"" } ?? ""
        body +=
            "<text x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.f(size))\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + " fill=\"\(fill)\"\(transform)>"
            + (title.map { "<title>\(HTMLEscape.escape($0))</title>" } ?? "") + HTMLEscape.escape(s) + "</text>"
    }

    /// Raw definitions (patterns) placed in a `<defs>` element; the caller escapes nothing from data here.
    mutating func define(_ markup: String) {
        body = "<defs>\(markup)</defs>" + body
    }

    /// The finished `<svg>` element, labelled for assistive technology by `title`. It scales with its container
    /// (`width="100%"` over a fixed `viewBox`), never wider than its design width.
    func svg(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" "
            + "viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" "
            + "style=\"max-width:\(Self.f(width))px;height:auto;display:block\" role=\"img\" font-family=\"inherit\">"
            + "<title>\(HTMLEscape.escape(title))</title>" + body + "</svg>"
    }

    /// The width `text` takes at font size `size`, estimated generously (so layout errs towards room to spare):
    /// wide letters and digits at 0.62 em, CJK and full-width characters at 1.05 em.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { sum, scalar in
            let v = scalar.value
            let em: Double
            if v >= 0x2E80 {
                em = 1.05
            } else if "iljtf.,:;'|!() ".unicodeScalars.contains(scalar) {
                em = 0.36
            } else if (0x41...0x5A).contains(v) || "mwMW%@".unicodeScalars.contains(scalar) {
                em = 0.78
            } else {
                em = 0.62
            }
            return sum + em * size
        }
    }
}

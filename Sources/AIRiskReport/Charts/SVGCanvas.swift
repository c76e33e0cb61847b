/// Accumulates SVG markup for one chart; every string that reaches it from data is escaped here.
struct SVGCanvas {
    static let palette = ["#2b6cb0", "#c53030", "#2f855a", "#805ad5", "#dd6b20", "#319795"]
    let width: Double
    let height: Double
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
        title: String? = nil
    ) {
        body +=
            "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(max(w, 0)))\" height=\"\(Self.f(max(h, 0)))\" "
            + "fill=\"\(fill)\"" + (opacity < 1 ? " fill-opacity=\"\(opacity)\"" : "")
        if let title {
            body += "><title>\(HTMLEscape.escape(title))</title></rect>"
        } else {
            body += "/>"
        }
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        guard !points.isEmpty else { return }
        let coords = points.map { "\(Self.f($0.0)),\(Self.f($0.1))" }.joined(separator: " ")
        body +=
            "<polyline points=\"\(coords)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.f(width))\" "
            + "stroke-linejoin=\"round\"/>"
    }

    mutating func text(
        _ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Double = 11,
        weight: String? = nil, rotate: Bool = false, fill: String = "#1f2933"
    ) {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.f(x)) \(Self.f(y)))\"" : ""
        body +=
            "<text x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.f(size))\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + " fill=\"\(fill)\"\(transform)>"
            + HTMLEscape.escape(s) + "</text>"
    }

    /// The finished `<svg>` element, labelled for assistive technology by `title`.
    func svg(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.f(width))\" height=\"\(Self.f(height))\" "
            + "viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" role=\"img\" font-family=\"inherit\">"
            + "<title>\(HTMLEscape.escape(title))</title>" + body + "</svg>"
    }
}

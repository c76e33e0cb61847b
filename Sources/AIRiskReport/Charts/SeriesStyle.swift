/// How series `index` of a chart is drawn: a colour, a dash pattern and a marker shape, so that up to forty
/// series differ in at least two of the three and none depends on colour alone.
struct SeriesStyle: Equatable {
    enum Marker: Int, CaseIterable {
        case circle, square, triangle, diamond, cross

        var element: String {
            switch self {
            case .circle: "circle"
            case .square: "rect"
            case .triangle, .diamond, .cross: "polygon"
            }
        }
    }

    static let dashes: [String?] = [nil, "7 3", "2 3", "9 3 2 3", "4 4"]

    var color: String
    var dash: String?
    var marker: Marker

    init(index: Int) {
        let i = max(index, 0)
        color = SVGCanvas.palette[i % SVGCanvas.palette.count]
        dash = Self.dashes[i % Self.dashes.count]
        marker = Marker.allCases[i % Marker.allCases.count]
    }
}

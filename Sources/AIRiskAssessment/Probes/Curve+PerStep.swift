import AIRiskResults

extension Curve {
    /// A one-line chart of a value per output step of a sequence model (x = step 0, 1, 2, …).
    static func perStep(_ values: [Double], title: String, yLabel: String, seriesName: String) -> Curve {
        Curve(
            title: title, xLabel: "step", yLabel: yLabel,
            series: [
                CurveSeries(
                    name: seriesName,
                    points: values.enumerated().map { CurvePoint(x: Double($0.offset), y: $0.element) })
            ])
    }
}

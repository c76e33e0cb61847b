import Foundation

extension AssessmentPlan {
    /// The most values one input row may hold (16 Mi, 64 MiB of float32): far above any tabular or image
    /// model the probes can query, and small enough that a batch's size never overflows.
    package static let maxRowElements = 1 << 24
    /// The largest class index `classes` may name.
    package static let maxClassIndex = 1 << 20

    /// Checks one input row's shape: every dimension at least 1 and the product (computed without overflow)
    /// at most ``maxRowElements``. `field` names the flag or plan attribute in the error.
    package static func checkInputShape(_ shape: [Int], field: String) throws(AssessmentError) {
        guard !shape.isEmpty else {
            throw .badSetting(setting: field, value: "(empty)", requirement: "give the shape of one row, e.g. 1,8,8")
        }
        var product = 1
        for d in shape {
            guard d >= 1 else {
                throw .badSetting(
                    setting: field, value: shape.map(String.init).joined(separator: ","),
                    requirement: "every dimension must be at least 1, not \(d)")
            }
            let (p, overflow) = product.multipliedReportingOverflow(by: d)
            guard !overflow, p <= maxRowElements else {
                throw .badSetting(
                    setting: field, value: shape.map(String.init).joined(separator: ","),
                    requirement: "it asks for more than \(maxRowElements) values per row; give the shape of one "
                        + "input row")
            }
            product = p
        }
    }

    /// Checks an image shape `H,W[,C]`: two or three dimensions, one or three channels, and a row size
    /// ``checkInputShape(_:field:)`` accepts.
    package static func checkImageShape(_ shape: [Int], field: String) throws(AssessmentError) {
        guard shape.count == 2 || shape.count == 3 else {
            throw .badSetting(
                setting: field, value: shape.map(String.init).joined(separator: ","),
                requirement: "it takes H,W or H,W,C (height, width and channels of one flattened row, e.g. 8,8 for "
                    + "digits [N, 64]), not \(shape.count) values")
        }
        try checkInputShape(shape, field: field)
        if shape.count == 3, shape[2] != 1, shape[2] != 3 {
            throw .badSetting(
                setting: field, value: shape.map(String.init).joined(separator: ","),
                requirement: "C must be 1 (grey) or 3 (RGB), not \(shape[2])")
        }
    }

    /// Checks the plan's values against their ranges; `origin` (a plan file, or "the command line") is named
    /// in errors.
    package func validate(origin: String) throws(AssessmentError) {
        if let inputShape { try Self.checkInputShape(inputShape, field: "\(origin): inputShape") }
        if let imageShape { try Self.checkImageShape(imageShape, field: "\(origin): imageShape") }
        if let queryBudget, queryBudget <= 0 {
            throw .badSetting(
                setting: "\(origin): queryBudget", value: "\(queryBudget)", requirement: "must be at least 1")
        }
        if let bad = classes?.first(where: { $0 < 0 || $0 > Self.maxClassIndex }) {
            throw .badSetting(
                setting: "\(origin): class", value: "\(bad)", requirement: "must lie in 0…\(Self.maxClassIndex)")
        }
        guard !probes.isEmpty else {
            throw .badSetting(setting: "\(origin): probes", value: "(none)", requirement: "select at least one probe")
        }
    }
}

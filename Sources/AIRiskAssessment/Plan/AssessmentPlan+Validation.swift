import Foundation

extension AssessmentPlan {
    /// The most values one input row may hold (16 Mi, 64 MiB of float32): far above any tabular or image
    /// model the probes can query, and small enough that a batch's size never overflows.
    public static let maxRowElements = 1 << 24
    /// The largest class index `classes` may name.
    public static let maxClassIndex = 1 << 20

    /// Checks one input row's shape: every dimension at least 1 and the product (computed without overflow)
    /// at most ``maxRowElements``. `field` names the flag or plan attribute in the error.
    public static func checkInputShape(_ shape: [Int], field: String) throws(AssessmentError) {
        guard !shape.isEmpty else { throw .input("\(field) is empty; give the shape of one row, e.g. 1,8,8") }
        var product = 1
        for d in shape {
            guard d >= 1 else { throw .input("\(field): every dimension must be at least 1, not \(d)") }
            let (p, overflow) = product.multipliedReportingOverflow(by: d)
            guard !overflow, p <= maxRowElements else {
                throw .input(
                    "\(field) \(shape.map(String.init).joined(separator: ",")) asks for more than "
                        + "\(maxRowElements) values per row; give the shape of one input row")
            }
            product = p
        }
    }

    /// Checks the plan's values against their ranges; `origin` (a plan file, or "the command line") is named
    /// in errors.
    public func validate(origin: String) throws(AssessmentError) {
        if let inputShape { try Self.checkInputShape(inputShape, field: "\(origin): inputShape") }
        if let queryBudget, queryBudget <= 0 {
            throw .input("\(origin): queryBudget must be at least 1 (got \(queryBudget))")
        }
        if let bad = classes?.first(where: { $0 < 0 || $0 > Self.maxClassIndex }) {
            throw .input("\(origin): class \(bad) is outside 0…\(Self.maxClassIndex)")
        }
        guard !probes.isEmpty else { throw .input("\(origin): no probe selected") }
    }
}

protocol ReduceMode: Sendable {
    static var opType: String { get }
    static var isMean: Bool { get }
    static var axesInputOpset: Int { get }
}

enum SumReduction: ReduceMode {
    static let opType = "ReduceSum"
    static let isMean = false
    static let axesInputOpset = 13
}

enum MeanReduction: ReduceMode {
    static let opType = "ReduceMean"
    static let isMean = true
    static let axesInputOpset = 18
}

protocol ReduceMode: ReduceOperator {
    static var isMean: Bool { get }
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

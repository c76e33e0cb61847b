protocol SoftmaxVariant: Sendable { static var isLog: Bool { get } }
enum PlainSoftmax: SoftmaxVariant { static let isLog = false }
enum LogSoftmaxVariant: SoftmaxVariant { static let isLog = true }

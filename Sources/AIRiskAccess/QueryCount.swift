/// How many calls and rows a model has been asked for.
public struct QueryCount: Sendable, Equatable {
    public var calls: Int = 0
    public var rows: Int = 0
    public var gradientCalls: Int = 0
    public var gradientRows: Int = 0

    public init() {}
}

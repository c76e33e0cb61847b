/// How many calls and rows a model has been asked for.
package struct QueryCount: Sendable, Equatable {
    package var calls: Int = 0
    package var rows: Int = 0
    package var gradientCalls: Int = 0
    package var gradientRows: Int = 0

    package init() {}
}

/// Two shapes that numpy-style broadcasting cannot combine.
public struct BroadcastError: Error, CustomStringConvertible, Equatable {
    public var lhs: [Int]
    public var rhs: [Int]

    public var description: String {
        "shapes \(lhs) and \(rhs) cannot be broadcast together (each dimension must match or be 1)"
    }
}

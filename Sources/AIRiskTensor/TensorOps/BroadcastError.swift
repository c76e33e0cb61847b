/// Two shapes that numpy-style broadcasting cannot combine.
package struct BroadcastError: Error, CustomStringConvertible, Equatable {
    package var lhs: [Int]
    package var rhs: [Int]

    package var description: String {
        "shapes \(lhs) and \(rhs) cannot be broadcast together (each dimension must match or be 1)"
    }
}

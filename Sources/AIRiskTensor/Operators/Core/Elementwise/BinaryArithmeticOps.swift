import Foundation

enum AddOp: BinaryArithmetic {
    static let opType = "Add"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g, g) }
}

enum SubOp: BinaryArithmetic {
    static let opType = "Sub"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g, -g) }
}

enum MulOp: BinaryArithmetic {
    static let opType = "Mul"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g * b, g * a) }
}

enum DivOp: BinaryArithmetic {
    static let opType = "Div"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    /// Integer division truncates toward zero, as in C; division by zero gives 0 instead of trapping.
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        b == 0 ? 0 : a.dividedReportingOverflow(by: b).partialValue
    }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g / b, -g * a / (b * b)) }
}

enum PowOp: BinaryArithmetic {
    static let opType = "Pow"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Foundation.pow(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        guard b >= 0 else { return a == 1 ? 1 : (a == -1 ? (b % 2 == 0 ? 1 : -1) : 0) }
        var result: Int64 = 1
        var base = a
        var e = b
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) {
        let da = b == 0 ? 0 : g * b * Foundation.pow(a, b - 1)
        let db = a > 0 ? g * y * Foundation.log(a) : 0
        return (da, db)
    }
}

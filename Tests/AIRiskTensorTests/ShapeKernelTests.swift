import Testing

@testable import AIRiskTensor

@Suite("Shape and data-movement kernels")
struct ShapeKernelTests {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])

    @Test("Reshape copies 0 dimensions, infers -1, and honours allowzero")
    func reshape() throws {
        let y = try TestSupport.run("Reshape", [x, Tensor(int64Vector: [0, -1, 1])])[0]
        #expect(y.shape == [2, 3, 1])
        let z = try TestSupport.run("Reshape", [x, Tensor(int64Vector: [-1])])[0]
        #expect(z.shape == [6])
        let empty = Tensor(shape: [0, 3], scalars: [])
        let w = try TestSupport.run(
            "Reshape", [empty, Tensor(int64Vector: [3, 0])], attributes: ["allowzero": .int(1)])[0]
        #expect(w.shape == [3, 0])
        #expect(throws: OperatorError.self) { try TestSupport.run("Reshape", [x, Tensor(int64Vector: [4, -1])]) }
    }

    @Test("Flatten joins leading and trailing dimensions at the axis")
    func flatten() throws {
        let t = Tensor(shape: [2, 3, 4], scalars: [Float](repeating: 1, count: 24))
        #expect(try TestSupport.run("Flatten", [t])[0].shape == [2, 12])
        #expect(try TestSupport.run("Flatten", [t], attributes: ["axis": .int(0)])[0].shape == [1, 24])
        #expect(try TestSupport.run("Flatten", [t], attributes: ["axis": .int(-1)])[0].shape == [6, 4])
    }

    @Test("Transpose reverses axes by default and applies perm")
    func transpose() throws {
        let y = try TestSupport.run("Transpose", [x])[0]
        #expect(y.shape == [3, 2])
        #expect(y.floats == [1, 4, 2, 5, 3, 6])
        let t = Tensor(shape: [2, 2, 2], int64: [0, 1, 2, 3, 4, 5, 6, 7])
        let z = try TestSupport.run("Transpose", [t], attributes: ["perm": .ints([1, 2, 0])])[0]
        #expect(z.shape == [2, 2, 2])
        #expect(z.int64s == [0, 4, 1, 5, 2, 6, 3, 7])
    }

    @Test(
        "Transpose in runs, or sharing storage, agrees with the element-by-element definition",
        arguments: [[2, 3, 4, 5], [1, 3, 1, 4], [3, 1, 2, 1], [1, 1, 1, 2], [2, 0, 3, 1]])
    func transposeEveryPermutation(shape: [Int]) throws {
        let count = shape.reduce(1, *)
        let x = Tensor(shape: shape, scalars: (0..<count).map(Float.init))
        let strides = Shape.strides(shape)
        func permutations(_ axes: [Int]) -> [[Int]] {
            axes.count <= 1 ? [axes] : axes.flatMap { a in permutations(axes.filter { $0 != a }).map { [a] + $0 } }
        }
        for perm in permutations(Array(0..<shape.count)) {
            let y = try TestSupport.run("Transpose", [x], attributes: ["perm": .ints(perm.map(Int64.init))])[0]
            let outShape = perm.map { shape[$0] }
            #expect(y.shape == outShape)
            var expected: [Float] = []
            for o in 0..<count {
                var rest = o, source = 0
                for axis in (0..<outShape.count).reversed() {
                    source += (rest % outShape[axis]) * strides[perm[axis]]
                    rest /= outShape[axis]
                }
                expected.append(Float(source))
            }
            #expect(y.floats == expected, "perm \(perm)")
        }
        let strings = Tensor(shape: [2, 3], storage: .string(["a", "b", "c", "d", "e", "f"]))
        #expect(try TestSupport.run("Transpose", [strings])[0].strings == ["a", "d", "b", "e", "c", "f"])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("Transpose", [x], attributes: ["perm": .ints([0, 0, 1, 2])])
        }
        #expect(throws: OperatorError.self) { try TestSupport.run("Transpose", [x], attributes: ["perm": .ints([0])]) }
    }

    @Test("Squeeze and Unsqueeze take axes from attributes before opset 13 and inputs after")
    func squeezeUnsqueeze() throws {
        let t = Tensor(shape: [1, 3, 1], scalars: [1, 2, 3])
        #expect(try TestSupport.run("Squeeze", [t], opset: 11)[0].shape == [3])
        #expect(try TestSupport.run("Squeeze", [t], attributes: ["axes": .ints([0])], opset: 11)[0].shape == [3, 1])
        #expect(try TestSupport.run("Squeeze", [t, Tensor(int64Vector: [-1])], opset: 13)[0].shape == [1, 3])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("Squeeze", [t, Tensor(int64Vector: [1])], opset: 13)
        }
        let v = Tensor(vector: [1, 2, 3])
        #expect(
            try TestSupport.run("Unsqueeze", [v], attributes: ["axes": .ints([0, 2])], opset: 11)[0].shape == [1, 3, 1])
        #expect(try TestSupport.run("Unsqueeze", [v, Tensor(int64Vector: [-1])], opset: 13)[0].shape == [3, 1])
    }

    @Test("Concat joins along an inner axis, for floats and int64")
    func concat() throws {
        let b = Tensor(shape: [2, 1], scalars: [7, 8])
        let y = try TestSupport.run("Concat", [x, b], attributes: ["axis": .int(1)])[0]
        #expect(y.shape == [2, 4])
        #expect(y.floats == [1, 2, 3, 7, 4, 5, 6, 8])
        let s = try TestSupport.run(
            "Concat", [Tensor(int64Vector: [1]), Tensor(int64Vector: [-1, 5])], attributes: ["axis": .int(0)])[0]
        #expect(s.int64s == [1, -1, 5])
    }

    @Test("Gather picks rows or columns, with negative indices")
    func gather() throws {
        let rows = try TestSupport.run("Gather", [x, Tensor(int64Vector: [1, -2])])[0]
        #expect(rows.shape == [2, 3])
        #expect(rows.floats == [4, 5, 6, 1, 2, 3])
        let col = try TestSupport.run("Gather", [x, Tensor(int64Scalar: 2)], attributes: ["axis": .int(1)])[0]
        #expect(col.shape == [2])
        #expect(col.floats == [3, 6])
        #expect(throws: OperatorError.self) { try TestSupport.run("Gather", [x, Tensor(int64Vector: [2])]) }
    }

    @Test("Slice with inputs, negative steps, clamping; and with attributes before opset 10")
    func slice() throws {
        let y = try TestSupport.run(
            "Slice", [x, Tensor(int64Vector: [0, 1]), Tensor(int64Vector: [Int64.max, 3]), nil, nil])[0]
        #expect(y.shape == [2, 2])
        #expect(y.floats == [2, 3, 5, 6])
        let r = try TestSupport.run(
            "Slice",
            [
                x, Tensor(int64Vector: [-1]), Tensor(int64Vector: [Int64.min]), Tensor(int64Vector: [1]),
                Tensor(int64Vector: [-1]),
            ])[0]
        #expect(r.floats == [3, 2, 1, 6, 5, 4])
        let old = try TestSupport.run(
            "Slice", [x], attributes: ["starts": .ints([1]), "ends": .ints([2]), "axes": .ints([0])], opset: 9)[0]
        #expect(old.floats == [4, 5, 6])
    }

    @Test("Shape returns int64 dimensions within start/end")
    func shape() throws {
        let t = Tensor.zeros([2, 3, 4])
        #expect(try TestSupport.run("Shape", [t])[0].int64s == [2, 3, 4])
        #expect(try TestSupport.run("Shape", [t], attributes: ["start": .int(1)])[0].int64s == [3, 4])
        #expect(try TestSupport.run("Shape", [t], attributes: ["end": .int(-1)])[0].int64s == [2, 3])
    }

    @Test("Identity and Dropout pass data through; Dropout's mask is all true")
    func identityDropout() throws {
        #expect(try TestSupport.run("Identity", [x])[0] == x)
        let out = try TestSupport.run("Dropout", [x], outputs: 2)
        #expect(out[0] == x)
        #expect(out[1].bools == [Bool](repeating: true, count: 6))
    }
}

/// Row selection along the batch (first) dimension.
enum Batching {
    static func rows(_ t: Tensor, _ indices: [Int]) -> Tensor {
        let n = t.shape.first ?? 0
        let width = n == 0 ? 0 : t.count / n
        var shape = t.shape
        shape[0] = indices.count
        var map: [Int] = []
        map.reserveCapacity(indices.count * width)
        for i in indices { for j in 0..<width { map.append(i * width + j) } }
        return Tensor(shape: shape, storage: t.storage.gathered(map))
    }
}

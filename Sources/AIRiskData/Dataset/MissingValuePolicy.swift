/// What happens to NaN, infinite and empty values in a data set: the same rule for .npy, .npz and .csv.
package enum MissingValuePolicy: String, Sendable, Equatable, CaseIterable {
    /// The first such value is an error naming the file, row and column (the default): a NaN silently fed to
    /// a model moves every score computed from it.
    case reject
    /// Such values are passed through as NaN or ±Inf; ``Dataset/nonFiniteCount`` counts them so the caller can
    /// warn.
    case keep
}

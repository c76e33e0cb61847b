/// A test's own set-up failed (a helper process did not start, a port was not reported): not an error of the code
/// under test.
public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

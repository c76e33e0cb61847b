extension KernelContext {
    /// The executor of the graph attribute `key` of If, Loop or Scan. The graph must be self-contained:
    /// one that reads a value of the enclosing graph is refused, naming it as `part` (e.g. "the body")
    /// and the node's kind of subgraph as `parts` (e.g. "bodies").
    func subgraph(_ node: Node, _ key: String, part: String, parts: String) throws -> Executor {
        guard case .graph(let graph)? = node.attributes[key] else {
            throw attributeError(key, "is required and must be a graph")
        }
        do {
            return try Executor(graph: graph)
        } catch ExecutorError.undefinedValue(let name, let inner) {
            throw fail(
                "\(part)'s node '\(inner)' reads '\(name)' from the enclosing graph; airisk runs only "
                    + "self-contained \(opType) \(parts)")
        }
    }
}

/// Typed access to a node's attributes, shared by ``KernelContext`` and ``NeuralNodeContext``; a value of
/// the wrong type throws the reader's own error, naming the node.
protocol NodeAttributes {
    associatedtype AttributeError: Error
    var attributes: [String: AttributeValue] { get }
    func attributeError(_ key: String, _ reason: String) -> AttributeError
}

extension NodeAttributes {
    func has(_ key: String) -> Bool { attributes[key] != nil }

    func int(_ key: String) throws -> Int? {
        guard let a = attributes[key] else { return nil }
        if case .int(let v) = a { return Int(v) }
        throw attributeError(key, "must be an integer")
    }

    func int(_ key: String, default value: Int) throws -> Int { try int(key) ?? value }

    /// An integer attribute read as a switch: true when it is non-zero.
    func flag(_ key: String, default value: Bool = false) throws -> Bool { try int(key, default: value ? 1 : 0) != 0 }

    /// A float attribute; an integer is accepted.
    func float(_ key: String) throws -> Float? {
        guard let a = attributes[key] else { return nil }
        switch a {
        case .float(let v): return v
        case .int(let v): return Float(v)
        default: throw attributeError(key, "must be a float")
        }
    }

    func float(_ key: String, default value: Float) throws -> Float { try float(key) ?? value }

    /// A list of integers as the model stores them (int64); a single integer is a list of one.
    func int64s(_ key: String) throws -> [Int64]? {
        guard let a = attributes[key] else { return nil }
        switch a {
        case .ints(let v): return v
        case .int(let v): return [v]
        default: throw attributeError(key, "must be a list of integers")
        }
    }

    /// A list of integers; a single integer is a list of one.
    func ints(_ key: String) throws -> [Int]? { try int64s(key)?.map { Int($0) } }

    /// A list of floats; a single float is a list of one.
    func floats(_ key: String) throws -> [Float]? {
        guard let a = attributes[key] else { return nil }
        switch a {
        case .floats(let v): return v
        case .float(let v): return [v]
        default: throw attributeError(key, "must be a list of floats")
        }
    }

    func string(_ key: String) throws -> String? {
        guard let a = attributes[key] else { return nil }
        if case .string(let v) = a { return v }
        throw attributeError(key, "must be a string")
    }

    func string(_ key: String, default value: String) throws -> String { try string(key) ?? value }

    /// A string attribute naming a case of `Choice` (`value` when absent); any other string throws "is 'x';
    /// expected A, B or C", the cases in their declared order.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default value: Choice) throws -> Choice
    where Choice.RawValue == String {
        try choice(key) ?? value
    }

    /// A string attribute naming a case of `Choice`, nil when absent.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String) throws -> Choice?
    where Choice.RawValue == String {
        guard let name = try string(key) else { return nil }
        guard let choice = Choice(rawValue: name) else {
            let names = Choice.allCases.map(\.rawValue)
            let expected = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            throw attributeError(key, "is '\(name)'; expected \(expected)")
        }
        return choice
    }

    /// A list of strings; a single string is a list of one.
    func strings(_ key: String) throws -> [String]? {
        guard let a = attributes[key] else { return nil }
        switch a {
        case .strings(let v): return v
        case .string(let v): return [v]
        default: throw attributeError(key, "must be a list of strings")
        }
    }
}

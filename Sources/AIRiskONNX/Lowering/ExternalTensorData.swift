import Foundation

/// Reads the bytes of a tensor stored outside the model (`data_location = EXTERNAL`), as PyTorch's
/// dynamo exporter and `onnx.save_model(..., save_as_external_data=True)` write them: a file named
/// by the `location` key, relative to the model's folder, from `offset` for `length` bytes.
///
/// The file must lie inside the model's folder: absolute locations, `..` components and symbolic
/// links that lead outside the folder are refused. The tensor's dims decide how many bytes are read,
/// checked against ``ONNXLimits/maxTensorBytes`` before anything is read, exactly like inline data;
/// a `length` that disagrees with the dims, or a range beyond the end of the file, is an error.
struct ExternalTensorData {
    /// The folder of the model file; nil when the model was loaded from bytes.
    let directory: URL?
    let file: String
    let limits: ONNXLimits

    struct Failure: Error {
        var reason: String
    }

    /// `proto` with its raw_data read from the external file.
    func resolve(_ proto: TensorProto) throws -> TensorProto {
        var keys: [String: String] = [:]
        for (k, v) in proto.externalData { keys[k] = v }
        guard let location = keys["location"], !location.isEmpty else {
            throw Failure(reason: "data_location is EXTERNAL but external_data has no 'location'")
        }
        guard let directory else {
            throw Failure(
                reason: "its data is in the external file '\(location)'; load the model from its file "
                    + "so that the file beside it can be found")
        }
        let offset = try number(keys["offset"], key: "offset", location: location) ?? 0
        let length = try number(keys["length"], key: "length", location: location)
        guard let width = TensorDecoding.byteWidth(proto.dataType), proto.dataType != 8 else {
            throw Failure(
                reason: "element type \(ONNXElementType(code: proto.dataType).name) cannot be stored externally")
        }
        let count = try TensorDecoding.elementCount(proto.dims)
        let (needed, overflow) = count.multipliedReportingOverflow(by: width)
        let (decoded, overflow2) = UInt64(count).multipliedReportingOverflow(
            by: TensorDecoding.decodedWidth(proto.dataType))
        guard !overflow, !overflow2, decoded <= limits.maxTensorBytes else {
            throw TensorDecoding.Failure(kind: .tooLarge(overflow || overflow2 ? UInt64.max : decoded))
        }
        if let length, length != needed {
            throw Failure(
                reason: "external_data length \(length) of '\(location)' does not match the \(needed) bytes "
                    + "its dims \(proto.dims) need")
        }
        let url = try Self.confined(location, in: directory)
        var resolved = proto
        let bytes = try read(url, location: location, offset: offset, count: needed)
        resolved.rawData = bytes[...]
        resolved.hasExternalData = false
        resolved.dataLocation = 0
        return resolved
    }

    func number(_ text: String?, key: String, location: String) throws -> Int? {
        guard let text else { return nil }
        guard let n = Int(text), n >= 0 else {
            throw Failure(reason: "external_data \(key) '\(text)' for '\(location)' is not a non-negative integer")
        }
        return n
    }

    /// The file `location` names, refused unless it lies inside `directory` once symbolic links are
    /// resolved.
    static func confined(_ location: String, in directory: URL) throws -> URL {
        let components = location.split(separator: "/", omittingEmptySubsequences: false)
        guard !location.hasPrefix("/"), !location.contains("\\"), !location.contains("\0"),
            !components.contains(where: { $0 == ".." })
        else {
            throw Failure(
                reason: "external data location '\(location)' must be a relative path inside the model's "
                    + "folder (no absolute path, no '..')")
        }
        let folder = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let target = directory.appendingPathComponent(location).resolvingSymlinksInPath().standardizedFileURL
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard target.path.hasPrefix(prefix) else {
            throw Failure(
                reason: "external data location '\(location)' leads outside the model's folder \(folder) "
                    + "(through a symbolic link)")
        }
        return target
    }

    func read(_ url: URL, location: String, offset: Int, count: Int) throws -> [UInt8] {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw Failure(
                reason: "external data file '\(location)' cannot be read: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(reason: "external data location '\(location)' is not a regular file")
        }
        let size = Int(info.st_size)
        let (end, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, end <= size else {
            throw Failure(
                reason: "external data file '\(location)' has \(size) bytes but the tensor needs bytes "
                    + "\(offset)..<\(overflow ? Int.max : end)")
        }
        guard let handle = fopen(url.path, "rb") else {
            throw Failure(
                reason: "external data file '\(location)' cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { fclose(handle) }
        guard fseeko(handle, off_t(offset), SEEK_SET) == 0 else {
            throw Failure(reason: "cannot seek to offset \(offset) of external data file '\(location)'")
        }
        var got = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count > 0 { got = fread(base, 1, count, handle) }
            initialized = got
        }
        guard got == count else {
            throw Failure(reason: "read \(got) of \(count) bytes from external data file '\(location)'")
        }
        return bytes
    }
}

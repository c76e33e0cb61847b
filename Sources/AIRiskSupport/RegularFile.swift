import Foundation

/// The check every input path passes before it is opened: a directory, named pipe, device or socket given
/// where a file is expected would otherwise block (a FIFO), spin (a zip scan over a directory) or report a
/// nonsense size (a directory's seek end). Every reader of models, data, catalogs and XML uses it.
package enum RegularFile {
    /// Why `path` cannot be read as a file, or nil when it is a regular file (after following symbolic links)
    /// or does not exist (the caller's open then reports that).
    package static func problem(at path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: kind = "a directory"
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        return "it is \(kind), not a regular file; give the path of a file"
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of files into one directory so that readers see either the previous set or the new one,
/// never a mix: every file is first written into a staging folder inside the directory (same file system),
/// then each is renamed over its destination. A failure while writing leaves the previous files untouched;
/// a failure while renaming puts back the files already replaced (the previous versions are kept as hard
/// links, or copies, until the set is in place). Temporary files and folders that earlier runs left behind
/// (killed with SIGKILL, power loss) are removed when their process is gone or they are a day old.
package enum AtomicFileSet {
    /// How long a temporary file of a process that still exists (or a reused PID) is left alone.
    package static let staleAge: TimeInterval = 24 * 60 * 60

    /// Checks, before any work, that `directory` can receive the files: creates it (and missing parents),
    /// writes and removes a probe file, and removes what it created again, so a failed run leaves no trace.
    /// Also removes stale temporary files of earlier runs inside it.
    package static func checkWritable(_ directory: URL) throws(ResultsError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .unwritable(path: directory.path, reason: "it is a file, not a folder")
        }
        // The folders this check creates, deepest first, so they can be removed again.
        var created: [URL] = []
        var ancestor = directory.standardizedFileURL
        while !fm.fileExists(atPath: ancestor.path), ancestor.pathComponents.count > 1 {
            created.append(ancestor)
            ancestor = ancestor.deletingLastPathComponent()
        }
        defer {
            for folder in created { rmdir(folder.path) }
        }
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: directory.path, reason: reason(error))
        }
        let probe = directory.appendingPathComponent(temporaryName(for: "airisk-write-check"))
        do {
            try Data("airisk".utf8).write(to: probe)
        } catch {
            throw .unwritable(path: directory.path, reason: reason(error))
        }
        if unlink(probe.path) != 0 {
            throw .unwritable(path: directory.path, reason: "cannot remove a file: " + String(cString: strerror(errno)))
        }
        removeStaleTemporaries(in: directory)
    }

    /// Writes `files` (file name → bytes) into `directory`, created if needed, all or nothing.
    /// `writeFile` writes one file (injectable, so tests can make one write fail).
    package static func write(
        _ files: [(name: String, data: Data)], to directory: URL,
        writeFile: (Data, URL) throws -> Void = { try $0.write(to: $1) }
    ) throws(ResultsError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: directory.path, reason: reason(error))
        }
        removeStaleTemporaries(in: directory)
        let staging = directory.appendingPathComponent(temporaryName(for: "airisk-output"))
        let previous = staging.appendingPathComponent("previous")
        do {
            try fm.createDirectory(at: previous, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: staging.path, reason: reason(error))
        }
        defer { try? fm.removeItem(at: staging) }
        // 1. Everything into the staging folder; the destination is not touched yet.
        for file in files {
            do {
                try writeFile(file.data, staging.appendingPathComponent(file.name))
            } catch {
                throw .unwritable(path: directory.appendingPathComponent(file.name).path, reason: reason(error))
            }
        }
        // 2. Keep the previous versions, then rename the new files into place; undo on the first failure.
        var placed: [(name: String, hadPrevious: Bool)] = []
        for file in files {
            let destination = directory.appendingPathComponent(file.name)
            let kept = previous.appendingPathComponent(file.name)
            var hadPrevious = false
            if fm.fileExists(atPath: destination.path) {
                do {
                    if (try? fm.linkItem(at: destination, to: kept)) == nil {
                        try fm.copyItem(at: destination, to: kept)
                    }
                    hadPrevious = true
                } catch {
                    restore(placed, in: directory, from: previous)
                    throw .unwritable(path: destination.path, reason: reason(error))
                }
            }
            if rename(staging.appendingPathComponent(file.name).path, destination.path) != 0 {
                let why = String(cString: strerror(errno))
                restore(placed, in: directory, from: previous)
                throw .unwritable(path: destination.path, reason: why)
            }
            placed.append((file.name, hadPrevious))
        }
    }

    /// Puts the previous versions of `placed` back (or removes files that had none).
    private static func restore(_ placed: [(name: String, hadPrevious: Bool)], in directory: URL, from previous: URL) {
        for file in placed.reversed() {
            let destination = directory.appendingPathComponent(file.name)
            if file.hadPrevious {
                rename(previous.appendingPathComponent(file.name).path, destination.path)
            } else {
                unlink(destination.path)
            }
        }
    }

    /// A hidden temporary name carrying this process's ID: `.NAME.tmp-PID-RANDOM`.
    package static func temporaryName(for name: String) -> String {
        ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes entries of `directory` named like ``temporaryName(for:)`` whose process no longer exists or
    /// that are older than ``staleAge``; returns their names. Other entries are never touched.
    @discardableResult
    package static func removeStaleTemporaries(in directory: URL, now: Date = Date()) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = temporaryOwner(name) else { continue }
            let url = directory.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
            let processGone = kill(pid, 0) != 0 && errno == ESRCH
            let old = now.timeIntervalSince(modified) > staleAge
            guard processGone || old else { continue }
            if (try? fm.removeItem(at: url)) != nil { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The process ID in a temporary name `.NAME.tmp-PID-RANDOM`, nil for any other name.
    package static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards),
            marker.lowerBound > name.index(after: name.startIndex)
        else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }

    private static func reason(_ error: any Error) -> String {
        if let e = error as? CocoaError, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}

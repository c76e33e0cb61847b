import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`: an empty signal mask and default signal
/// dispositions (airisk ignores SIGPIPE and SIGINT and its threads may block signals, which
/// Foundation's `Process` passes on, so such a child could not be terminated), in a process group
/// of its own, so stopping it reaches whatever it started too.
///
/// ``stop(grace:)`` sends SIGTERM to the group and SIGKILL after the grace period. A group not yet
/// stopped is stopped the same way when airisk exits (``ChildGroups``). When airisk cannot stop it
/// (killed by SIGKILL, or crashed), a watchdog in the same group does: a `/bin/sh` blocked reading a pipe
/// whose only write end airisk holds sees end-of-file the moment airisk is gone and sends SIGKILL to the
/// group, so a command that ignores its stdin (and whatever it started) does not outlive airisk either.
/// (`PR_SET_PDEATHSIG` would reach only the direct child, and fires when the spawning *thread* exits.)
// The file handles are only read, written and closed through their thread-safe calls; the exit
// status is behind a Mutex.
package final class SpawnedProcess: @unchecked Sendable {
    let pid: pid_t
    /// The child's stdin (write end), stdout and stderr (read ends).
    package let stdin: FileHandle
    let stdout: FileHandle
    let stderr: FileHandle
    /// The wait status once the child is reaped.
    private let reaped = Mutex<Int32?>(nil)
    /// Whether ``stop(grace:)`` has begun (it runs once: the group id could be reused afterwards).
    private let stopping = Mutex(false)
    /// The watchdog's pid and airisk's end of its pipe (see above); nil when it could not be started.
    private let watchdog: (pid: pid_t, pipe: Int32)?

    /// Default time between SIGTERM and SIGKILL.
    package static let grace = 2.0

    /// Starts `/bin/sh -c "exec COMMAND"` with piped stdin, stdout and stderr.
    package init(shellCommand: String, environment: [String: String]? = nil) throws(EndpointError) {
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else {
                let reason = String(cString: strerror(errno))  // before close() can change errno
                for p in pipes { p.forEach { _ = close($0) } }
                throw .command(CommandFailure(command: shellCommand, event: .noPipe(reason: reason)))
            }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            pipes.append(fds)
        }
        defer {
            // The child's ends; the child has its own copies.
            _ = close(pipes[0][0])
            _ = close(pipes[1][1])
            _ = close(pipes[2][1])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
        Self.closeFrom(3, &actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        Self.startsClean(&attributes, group: 0)

        let arguments = ["/bin/sh", "-c", "exec " + shellCommand]
        let env =
            environment.map { $0.map { "\($0.key)=\($0.value)" } }
            ?? ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, "/bin/sh", &actions, &attributes, &argv, &envp)
        guard rc == 0 else {
            for fd in [pipes[0][1], pipes[1][0], pipes[2][0]] { _ = close(fd) }
            throw .command(
                CommandFailure(command: shellCommand, event: .cannotStart(reason: String(cString: strerror(rc)))))
        }
        pid = child
        stdin = FileHandle(fileDescriptor: pipes[0][1], closeOnDealloc: true)
        stdout = FileHandle(fileDescriptor: pipes[1][0], closeOnDealloc: true)
        stderr = FileHandle(fileDescriptor: pipes[2][0], closeOnDealloc: true)
        watchdog = Self.startWatchdog(group: child, environment: envp)
        ChildGroups.shared.add(child)
    }

    /// Spawn attributes for a child that starts with no blocked signal, every signal at its default action, and in
    /// process group `group` (0: a new group led by the child).
    private static func startsClean(_ attributes: inout posix_spawnattr_t, group: pid_t) {
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, group)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    }

    /// Starts the watchdog of group `group` (see the type's documentation) inside that group. Nil when it cannot
    /// be started; the child then still stops with airisk on every ending but SIGKILL.
    private static func startWatchdog(group: pid_t, environment envp: [UnsafeMutablePointer<CChar>?]) -> (
        pid: pid_t, pipe: Int32
    )? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        defer { _ = close(fds[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        closeFrom(3, &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        startsClean(&attributes, group: group)
        // The loop ends only at end of file: airisk, the only writer, is gone. A line written into the pipe (by a
        // write that went astray to a reused descriptor number) is read and ignored, never taken for that.
        // dash's kill takes no `--`: `-9` is the signal, `-GROUP` the process group.
        let words = ["/bin/sh", "-c", "while read -r _; do :; done; kill -9 -\(group)"]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envCopy = envp
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, &envCopy) == 0 else {
            _ = close(fds[1])
            return nil
        }
        return (pid, fds[1])
    }

    /// Closes every descriptor from `lowest` up in the child (glibc 2.34+); the pipes are
    /// close-on-exec in any case.
    private static func closeFrom(_ lowest: Int32, _ actions: inout posix_spawn_file_actions_t) {
        #if canImport(Glibc)
            typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
                _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
            }
        #endif
    }

    /// Whether the child has not exited yet (it is reaped when it has).
    package var isRunning: Bool { reap(blocking: false) == nil }

    /// The exit status, or 128 + the signal that ended it; nil while it runs.
    package var terminationStatus: Int32? {
        guard let s = reap(blocking: false) else { return nil }
        let signal = s & 0x7F
        return signal == 0 ? (s >> 8) & 0xFF : 128 + signal
    }

    /// The wait status if the child has exited; reaps it once.
    private func reap(blocking: Bool) -> Int32? {
        reaped.withLock { r in
            if let done = r { return done }
            var status: Int32 = 0
            let got = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if got == pid {
                r = status
            } else if got == -1, errno == ECHILD {
                r = 0
            }
            return r
        }
    }

    /// Reaps the watchdog once it has exited, so it does not linger as a zombie.
    private func reapWatchdog() {
        guard let watchdog else { return }
        var status: Int32 = 0
        _ = waitpid(watchdog.pid, &status, WNOHANG)
    }

    /// Stops the child's process group: SIGTERM, then SIGKILL to whatever is left after `grace`
    /// seconds. Returns when the child is reaped and the group is empty (or after the SIGKILL has had
    /// a moment to land on processes that outlived the child). `closingStdin` false: the caller closes stdin
    /// itself, in order with its writes.
    package func stop(grace: Double = SpawnedProcess.grace, closingStdin: Bool = true) {
        let first = stopping.withLock { s -> Bool in
            defer { s = true }
            return !s
        }
        guard first else { return }
        if closingStdin { try? stdin.close() }
        Self.stopGroup(pid, grace: grace) { [self] in
            _ = reap(blocking: false)
            reapWatchdog()
        }
        _ = reap(blocking: false)
        if let watchdog {
            // The group is stopped (the watchdog with it); closing the pipe ends a watchdog that survived.
            _ = close(watchdog.pipe)
            reapWatchdog()
        }
        // Only now: should airisk exit during the grace period, its exit handler finishes the job.
        ChildGroups.shared.remove(pid)
    }

    /// SIGTERM to the group `group`, SIGKILL after `grace` seconds to whatever remains; `poll` reaps
    /// the leader meanwhile (a zombie leader keeps the group alive).
    static func stopGroup(_ group: pid_t, grace: Double, poll: () -> Void) {
        guard kill(-group, SIGTERM) == 0 else { return }
        let step: useconds_t = 20_000
        var waited = 0.0
        while waited < grace {
            poll()
            if !isAlive(group: group) { return }
            usleep(step)
            waited += Double(step) / 1e6
        }
        _ = kill(-group, SIGKILL)
        for _ in 0..<50 {
            poll()
            if !isAlive(group: group) { return }
            usleep(step)
        }
    }

    /// Whether a process of group `group` is still running. Exited processes whose parent has not
    /// reaped them (zombies: an orphan's new parent may never reap it) do not count.
    static func isAlive(group: pid_t) -> Bool {
        guard kill(-group, 0) == 0 else { return errno != ESRCH }
        #if os(Linux)
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
            for entry in entries where entry.first?.isNumber == true {
                guard let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat") else {
                    // Gone meanwhile, or unreadable: only a process that no longer exists may be skipped.
                    if access("/proc/\(entry)", F_OK) != 0, errno == ENOENT { continue }
                    return true
                }
                guard let paren = stat.lastIndex(of: UInt8(ascii: ")")) else { continue }
                let fields = stat[(paren + 1)...].split(separator: 0x20)
                guard fields.count > 2, let pgrp = Int32(String(decoding: fields[2], as: UTF8.self)), pgrp == group
                else { continue }
                let state = fields[0].first
                if state != UInt8(ascii: "Z"), state != UInt8(ascii: "X") { return true }
            }
            return false
        #else
            return true
        #endif
    }

    deinit { stop() }
}

/// The process groups of running model commands, stopped when airisk exits (normally, on an
/// error or on a second Ctrl-C), so none outlives it. While one runs, SIGINT, SIGTERM and SIGHUP
/// left at their default action (airisk killed from outside, a closed terminal, Ctrl-C outside an
/// assessment) first kill the groups, then end airisk as before.
package final class ChildGroups: Sendable {
    package static let shared = ChildGroups()
    private let groups = Mutex<Set<pid_t>>([])

    private init() {
        atexit { ChildGroups.shared.stopAll() }
    }

    /// Stops every running group (SIGTERM, SIGKILL after a second). Also called before airisk ends
    /// with `_exit` (second Ctrl-C), which skips the `atexit` handlers.
    package func stopAll() {
        let left = groups.withLock { g in
            defer { g.removeAll() }
            return g
        }
        for group in left {
            SpawnedProcess.stopGroup(group, grace: 1) {
                var status: Int32 = 0
                _ = waitpid(group, &status, WNOHANG)
            }
        }
    }

    func add(_ pid: pid_t) {
        groups.withLock { g in
            g.insert(pid)
            FatalSignals.publish(g)
        }
        FatalSignals.installWhereDefault()
    }

    func remove(_ pid: pid_t) {
        groups.withLock { g in
            g.remove(pid)
            FatalSignals.publish(g)
        }
    }
}

/// Kills the model command groups when airisk is ended by a signal it does not handle. A signal
/// handler may only do async-signal-safe work: it reads a fixed table of group ids (written under
/// ``ChildGroups``' lock) and calls `kill`, then restores the default action and raises the signal.
package enum FatalSignals {
    static let capacity = 64
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<pid_t> = {
        let t = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        t.initialize(repeating: 0, count: capacity)
        return t
    }()

    /// Writes `groups` into the table (the first ``capacity`` of them).
    static func publish(_ groups: Set<pid_t>) {
        let ids = Array(groups.prefix(capacity))
        for i in 0..<capacity { table[i] = i < ids.count ? ids[i] : 0 }
    }

    /// Sends SIGKILL to every group in the table. Async-signal-safe: for a signal handler that ends airisk at
    /// once (a second Ctrl-C), where ``ChildGroups/stopAll()`` (a lock, a grace period) cannot run.
    package static func killAllFromSignalHandler() {
        for i in 0..<capacity {
            let group = table[i]
            if group > 0 { kill(-group, SIGKILL) }
        }
    }

    /// Installs the handler for each of ``signals`` whose action is the default; a signal airisk
    /// ignores or handles itself (Ctrl-C during an assessment) is left alone.
    static func installWhereDefault() {
        #if canImport(Glibc)
            _ = table
            for sig in signals {
                var current = sigaction()
                guard sigaction(sig, nil, &current) == 0,
                    current.sa_flags & SA_SIGINFO == 0,
                    unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 0  // SIG_DFL
                else { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { sig in
                    for i in 0..<FatalSignals.capacity {
                        let group = FatalSignals.table[i]
                        if group > 0 { kill(-group, SIGKILL) }
                    }
                    signal(sig, SIG_DFL)
                    raise(sig)
                }
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(sig, &action, nil)
            }
        #endif
    }
}

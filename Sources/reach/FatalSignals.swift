import Foundation

/// A fatal error in any thread ends the process at once, with one line on stderr and exit
/// status 70. Without this, the runtime's backtracer symbolicates every thread while holding
/// the process's stdout open, so `reach project … | cat` can wait minutes for a crash to end.
/// Setting `SWIFT_BACKTRACE` in the environment keeps the runtime's backtracer (for debugging).
enum FatalSignals {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    static func install() {
        guard ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil else { return }
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = fatalSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        injectFaultIfRequested()
    }

    /// `REACH_FAULT_INJECTION=worker-thread` makes a worker thread trap shortly after start, so
    /// that the tests can check that a fatal error anywhere ends the process promptly.
    private static func injectFaultIfRequested() {
        guard ProcessInfo.processInfo.environment["REACH_FAULT_INJECTION"] == "worker-thread" else { return }
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.05)
            let divisor = Int(ProcessInfo.processInfo.environment["REACH_FAULT_DIVISOR"] ?? "0") ?? 0
            _ = 1 / divisor  // traps: division by zero
        }
        thread.start()
    }
}

/// Async-signal-safe: a fixed message through write(2), then _exit.
private func fatalSignalHandler(_ signal: Int32) {
    let message: StaticString = "reach: internal error: the process received a fatal signal; this is a bug, please report the command line and input\n"
    _ = message.withUTF8Buffer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    _exit(70)
}

import ArgumentParser
import Foundation

/// The exit statuses of every `reach` command (the BSD `sysexits.h` convention, which shells
/// and batch systems already know):
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | a failure while running (a figure that cannot be drawn, a file that cannot be written) |
/// | 64 | a malformed command line: an unknown option, a value of the wrong form, a variant or scenario document that is not in the file |
/// | 65 | bad input data: a scenario file, background table or limit curve with a problem |
/// | 70 | an internal error of the tool (a fatal signal); never expected, always a bug |
enum ExitStatus {
    static let runFailure = ExitCode.failure
    static let usage = ExitCode.validationFailure
    static let inputData = ExitCode(65)
    static let internalError = ExitCode(70)
}

/// A problem found while running (a file, a figure, a value): printed as `Error: …` with exit
/// status 1, without the usage text that `ValidationError` adds for malformed options.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A problem in the command's input data (scenario, tables, curves): printed as `Error: …`,
/// or as the lines the loader already printed, with exit status 65.
struct InputFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A command-line value found wrong only once the input was read (`--variant 7` of a file with
/// three variants): printed with the usage line of the command that was run, exit status 64.
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Reach {
    /// Parses and runs a subcommand, mapping its errors to the exit statuses above.
    static func main() {
        FatalSignals.install()
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            var running = command
            try running.run()
        } catch let failure as InputFailure {
            StandardError.write(lines: ["Error: \(failure.description)"])
            Foundation.exit(ExitStatus.inputData.rawValue)
        } catch let failure as UsageFailure {
            let usage = "Usage: " + usageString(for: type(of: command))
            let name = type(of: command).configuration.commandName ?? ""
            StandardError.write(lines: ["Error: \(failure.description)", usage, "  See 'reach \(name) --help' for more information."])
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

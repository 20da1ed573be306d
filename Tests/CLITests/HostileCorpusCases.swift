import Foundation

/// The hostile-input corpus: each case is a command line (or several that must answer alike),
/// run in a fresh folder holding the files of `Tests/CLITests/Corpus/` plus what git cannot
/// store (see `HostileCorpus.fixtures`), and the one answer the tool must give.
struct CorpusCase: Sendable {
    /// What a run must end in.
    enum Answer: Sendable {
        /// Exit `status`, exactly `firstLine` as the first error line and `then` after it; the
        /// folder unchanged. `{folder}` stands for the run's folder (absolute, links resolved).
        case refused(status: Int32, firstLine: String, then: [String] = [])
        /// Exit `status`, a first error line starting with `prefix`; the folder unchanged. Only
        /// for a refusal whose wording is not settled yet.
        case refusedStartingWith(status: Int32, prefix: String)
        /// Exit 0, exactly the files `writes` added to the folder, each line of `shows` present
        /// in stdout (`file` nil) or in that file.
        case accepted(writes: [String] = [], shows: [Shown] = [])
        /// Exit 0 and a JSON number on stdout at `key path` within `tolerance` (relative).
        case acceptedJSON(keyPath: [String], value: Double, tolerance: Double)
    }

    /// One line that must appear, on stdout or in a written file.
    struct Shown: Sendable {
        var file: String?
        var line: String
    }

    var name: String
    var commandLines: [[String]]
    var answer: Answer
}

enum HostileCorpus {
    /// Inputs created in every run's folder because git cannot hold them: a FIFO, a folder named
    /// like a table, a loop of two symbolic links, and the `figs` folder `plot` writes into.
    static let fifo = "background.fifo", folderTable = "folder.csv", loop = ("loop.csv", "loop-back.csv"), figures = "figs"

    /// `--statistics 20000` keeps every simulating command quick.
    private static let quick = ["--statistics", "20000"]

    /// Every command that reads a scenario, writing where it writes: a refused file must be
    /// refused by all of them with the same first line.
    static func readers(_ file: String) -> [[String]] {
        [
            ["validate", file],
            ["project", file] + quick + ["-o", "out.csv"],
            ["plot", file] + quick + ["--format", "svg", "-o", figures],
            ["scan", file] + quick + ["--mass", "125MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2", "-o", "out.csv"],
            ["background", file] + quick + ["-o", "out.csv"],
        ]
    }

    private static func refusedFile(_ file: String, _ firstLine: String, then: [String] = []) -> CorpusCase {
        CorpusCase(name: file, commandLines: readers(file), answer: .refused(status: 65, firstLine: firstLine, then: then))
    }

    private static let tableExpected = "expected a dN/dm2_miss table file (relative to the scenario's folder)"
    private static let usedOutput = "expected an output path that is not one of the command's inputs"

    static let cases: [CorpusCase] = [
        // Command-line values.
        CorpusCase(name: "limit with an infinite-looking uncertainty",
                   commandLines: [["limit", "--background", "10", "--background-uncertainty", "1e308"]],
                   answer: .refused(status: 64, firstLine: "Error: --background-uncertainty 1e308: expected a finite number of events between 0 and 1e300")),
        CorpusCase(name: "limit at b = 1e50: median = Φ⁻¹(0.95) √b",
                   commandLines: [["limit", "--background", "1e50", "--format", "json"]],
                   answer: .acceptedJSON(keyPath: ["expected", "median"], value: 1.6448536269514722e25, tolerance: 1e-3)),
        CorpusCase(name: "scan to a resolution of 1e14 GeV^2",
                   commandLines: [["scan", "small.yaml"] + quick + ["--mass", "125MeV", "--parameter", "detector.resolution", "--values", "1e14GeV^2", "-o", "out.csv"]],
                   answer: .refused(status: 65, firstLine: "--values: detector.resolution: '1e14GeV^2' is out of range; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}")),
        // A bin wider than the whole spectrum is a mistyped --bin-width, as too narrow a bin is.
        CorpusCase(name: "background with a bin of 1e15 GeV^2",
                   commandLines: [["background", "small.yaml"] + quick + ["--bin-width", "1e15GeV^2", "-o", "out.csv"]],
                   answer: .refusedStartingWith(status: 64, prefix: "Error: --bin-width 1e15GeV^2: ")),
        CorpusCase(name: "--variant 7 of a one-variant file",
                   commandLines: [["project", "small.yaml"] + quick + ["--variant", "7", "-o", "out.csv"],
                                  ["background", "small.yaml"] + quick + ["--variant", "7", "-o", "out.csv"]],
                   answer: .refused(status: 64, firstLine: "Error: --variant 7: no such variant in small.yaml; expected a label or 1-based index: 1 'Corpus scenario'")),
        CorpusCase(name: "--scenario 7 of a one-document file",
                   commandLines: [["project", "small.yaml"] + quick + ["--scenario", "7", "-o", "out.csv"],
                                  ["background", "small.yaml"] + quick + ["--scenario", "7", "-o", "out.csv"]],
                   answer: .refused(status: 64, firstLine: "Error: --scenario 7: no such scenario document in small.yaml; expected a name or 1-based index: 1 'kpi0en'")),
        CorpusCase(name: "-o '' for a table",
                   commandLines: [["project", "small.yaml"] + quick + ["-o", ""], ["background", "small.yaml"] + quick + ["-o", ""]],
                   answer: .refused(status: 64, firstLine: "Error: -o '': an empty path; expected a file path, or - for standard output")),
        CorpusCase(name: "-o '' for figures",
                   commandLines: [["plot", "small.yaml"] + quick + ["--format", "svg", "-o", ""]],
                   answer: .refused(status: 64, firstLine: "Error: -o '': an empty path; expected a folder for the figures")),
        CorpusCase(name: "-o naming the scenario file",
                   commandLines: [["project", "small.yaml"] + quick + ["-o", "small.yaml"],
                                  ["background", "small.yaml"] + quick + ["-o", "small.yaml"],
                                  ["scan", "small.yaml"] + quick + ["--mass", "125MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2", "-o", "small.yaml"]],
                   answer: .refused(status: 64, firstLine: "Error: -o small.yaml: is the input file small.yaml; \(usedOutput)")),
        CorpusCase(name: "-o naming a table the scenario reads",
                   commandLines: [["project", "table.yaml"] + quick + ["-o", "flat.csv"]],
                   answer: .refused(status: 64, firstLine: "Error: -o flat.csv: is the input file {folder}/flat.csv; \(usedOutput)")),
        CorpusCase(name: "-o of a figure naming the scenario file",
                   commandLines: [["plot", "small.yaml"] + quick + ["--format", "svg", "-o", "small.yaml"]],
                   answer: .refused(status: 1, firstLine: "Error: -o small.yaml: is a file, not a folder; expected a folder for the figures (created if missing)")),

        // Scenario files that are not files.
        CorpusCase(name: "a FIFO as the scenario file", commandLines: readers(fifo),
                   answer: .refused(status: 65, firstLine: "background.fifo: is not a regular file (a FIFO); expected a scenario file in YAML (see scenarios/README.md)")),
        CorpusCase(name: "/dev/zero as the scenario file", commandLines: readers("/dev/zero"),
                   answer: .refused(status: 65, firstLine: "/dev/zero: is not a regular file (a character device); expected a scenario file in YAML (see scenarios/README.md)")),

        // Numbers at and beyond the ranges.
        refusedFile("resolution-huge.yaml", "resolution-huge.yaml:9:17: base.detector.resolution: '1e14 GeV^2' is out of range; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}"),
        refusedFile("streams-huge.yaml",
                    "streams-huge.yaml:7:43: base.exposure.streams[0].effective_kaon_decays: '1e308' is out of range; expected a number of kaon decays after prescale and trigger efficiency in (0, 1e20], like 3e10",
                    then: ["streams-huge.yaml:8:43: base.exposure.streams[1].effective_kaon_decays: '1e308' is out of range; expected a number of kaon decays after prescale and trigger efficiency in (0, 1e20], like 3e10"]),
        refusedFile("confidence-low.yaml", "confidence-low.yaml:12:27: base.analysis.confidence: '0.3' is out of range; expected a confidence level above 0.5 and at most 0.9999, like 0.90"),
        refusedFile("confidence-high.yaml", "confidence-high.yaml:12:27: base.analysis.confidence: '0.9999999999999999' is out of range; expected a confidence level above 0.5 and at most 0.9999, like 0.90"),
        refusedFile("one-mass.yaml", "one-mass.yaml:3:45: masses.step: '1 MeV' gives 1 mass point from 120 MeV to 120 MeV; expected a positive mass like 1 MeV, giving at least 2 and at most 100000 points"),
        refusedFile("many-masses.yaml", "many-masses.yaml:3:43: masses.step: '0.001 MeV' gives 100001 mass points from 0 MeV to 100 MeV; expected a positive mass like 1 MeV, giving at least 2 and at most 100000 points"),

        // Numbers written as something else.
        refusedFile("percent-acceptance.yaml", "percent-acceptance.yaml:11:24: base.detector.signal_acceptance: '10 %' is a percentage: write fractions as numbers: 0.10; expected a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}"),
        refusedFile("percent-confidence.yaml", "percent-confidence.yaml:12:27: base.analysis.confidence: '90 %' is a percentage: write fractions as numbers: 0.90; expected a confidence level above 0.5 and at most 0.9999, like 0.90"),
        refusedFile("boolean-number.yaml", "boolean-number.yaml:10:52: base.detector.veto.inefficiency: 'true' is a yes/no value (a boolean), but this value is a number; expected a photon-veto inefficiency in [0, 1] like 1e-3, or a list of points {energy: 1 GeV, inefficiency: 1e-3}"),
        refusedFile("number-with-word.yaml", "number-with-word.yaml:7:39: base.exposure.streams[0].kaon_decays: '4.5e12 decays': write kaon decays as a plain number: 4.5e12; expected a number of kaon decays in the fiducial volume in (0, 1e20], like 4.5e12"),
        refusedFile("statistic-cls.yaml", "statistic-cls.yaml:12:26: base.analysis.statistic: unknown value 'cls'; expected one of detection, median-exclusion, cls-expected, shape (did you mean 'cls-expected'?)"),

        // Structure and text.
        refusedFile("duplicate-keys.yaml",
                    "duplicate-keys.yaml:12:3: base.detector: key 'detector' is written more than once in this mapping (first at line 8, column 3); expected each key at most once per mapping",
                    then: ["duplicate-keys.yaml:13:1: title: key 'title' is written more than once in this mapping (first at line 1, column 1); expected each key at most once per mapping"]),
        refusedFile("title-nul.yaml", "title-nul.yaml:1:8: title: 'Corpus\\u{0}scenario' contains the control character U+0000 (NUL); expected a title for the figure, on one line without control characters"),
        refusedFile("title-control.yaml", "title-control.yaml:1:14: unreadable text: the control character U+0007 is not allowed; expected UTF-8 text without control characters"),

        // Background tables.
        refusedFile("table-tiny-normalisation.yaml", "table-tiny-normalisation.yaml:11:64: base.background.normalisation.kaon_decays: '1e-300' is out of range; expected the kaon decays the table was made for, in [1, 1e20], like 3e10"),
        refusedFile("table-huge-density.yaml", "table-huge-density.yaml:11:24: base.background.table: file '{folder}/huge-density.csv' is not a valid table, line 2, column 2: dN/dm²_miss = 1e308 is above 1e30 per GeV² (expected a density in [0, 1e30] per GeV², 1e24 per MeV²); expected a table as described in scenarios/README.md"),
        refusedFile("table-empty.yaml", "table-empty.yaml:11:24: base.background.table: file '{folder}/empty.csv' is empty; \(tableExpected)"),
        refusedFile("table-dev-zero.yaml", "table-dev-zero.yaml:11:24: base.background.table: file '/dev/zero' is not a regular file (a character device); \(tableExpected)"),
        refusedFile("table-dev-null.yaml", "table-dev-null.yaml:11:24: base.background.table: file '/dev/null' is not a regular file (a character device); \(tableExpected)"),
        refusedFile("table-fifo.yaml", "table-fifo.yaml:11:24: base.background.table: file '{folder}/background.fifo' is not a regular file (a FIFO); \(tableExpected)"),
        refusedFile("table-directory.yaml", "table-directory.yaml:11:24: base.background.table: file '{folder}/folder.csv' is a directory; \(tableExpected)"),
        refusedFile("table-symlink-loop.yaml", "table-symlink-loop.yaml:11:24: base.background.table: file '{folder}/loop.csv' is a symbolic link loop (links that lead back to themselves); \(tableExpected)"),

        // Reference curves.
        refusedFile("curve-negative.yaml", "curve-negative.yaml:12:33: figure.references[0].file: file '{folder}/negative-u2.csv' is not a valid curve, line 3: U2 -1e-6 is not positive; expected |U|² > 0 (linear, not log10)"),
        refusedFile("curve-no-units.yaml", "curve-no-units.yaml:12:33: figure.references[0].file: file '{folder}/no-units.csv' is not a valid curve, line 1: header 'mass,U2' does not name the mass unit; expected 'mass_MeV,U2' or 'mass_GeV,U2'"),
        refusedFile("curve-three-columns.yaml", "curve-three-columns.yaml:12:33: figure.references[0].file: file '{folder}/three-columns.csv' is not a valid curve, line 1: header 'mass_MeV,U2,U2_error' has 3 columns; expected 2 columns, 'mass_MeV,U2' or 'mass_GeV,U2'"),

        // Limit tables (`reach limit --table` outputs drawn with their bands).
        refusedFile("limit-table-no-u2.yaml", "limit-table-no-u2.yaml:13:33: figure.references[0].file: file '{folder}/limit-table-no-u2.csv' is not a valid limit table, line 2, column 17: u2_observed is empty; expected |U|² > 0 (linear, not log10) (`reach limit --table` leaves it empty without a conversion: an acceptance column with --kaon-decays, u2_ses or br_ses, and --channel)"),
        refusedFile("limit-table-decreasing.yaml", "limit-table-decreasing.yaml:13:33: figure.references[0].file: file '{folder}/limit-table-decreasing.csv' is not a valid limit table, line 5, column 1: mass_MeV 280 does not increase; expected masses in strictly increasing order"),
        refusedFile("limit-table-curve.yaml", "limit-table-curve.yaml:13:33: figure.references[0].file: file '{folder}/my-limit.csv' is not a valid limit table, line 1: header 'mass_MeV,U2' is not that of `reach limit --table`; expected 'mass_MeV,n_obs,n_exp,dn_exp,…'"),
        CorpusCase(name: "a limit table on the figure",
                   commandLines: [["validate", "limit-table.yaml"]],
                   answer: .accepted(shows: [.init(line: "  figure: |U|^2 1.00e-10 to 1.00e-05; linear mass axis; references 'NA62 toy' (limit table)")])),
        CorpusCase(name: "a limit table drawn",
                   commandLines: [["plot", "limit-table.yaml"] + quick + ["--format", "svg", "-o", figures]],
                   answer: .accepted(writes: ["figs/limit-table.svg"])),

        // Inputs that must be accepted.
        CorpusCase(name: "a resolution written with the Unicode minus U+2212",
                   commandLines: [["validate", "unicode-minus.yaml"]],
                   answer: .accepted(shows: [.init(line: "    resolution: sigma(m2_miss) = 1.70e-03 GeV^2")])),
        CorpusCase(name: "a projection with the Unicode minus",
                   commandLines: [["project", "unicode-minus.yaml"] + quick + ["-o", "out.csv"]],
                   answer: .accepted(writes: ["out.csv"])),
        CorpusCase(name: "YAML merge keys",
                   commandLines: [["validate", "merge-keys.yaml"]],
                   answer: .accepted(shows: [.init(line: "      stream 'Run 1': 3.00e+10 = 4.50e+12 x 1 / 150"),
                                             .init(line: "      stream 'Run 1': 4.50e+12 = 4.50e+12 x 1 / 1"),
                                             .init(line: "    resolution: sigma(m2_miss) = 1.00e-03 GeV^2")])),
        CorpusCase(name: "--statistics in exponent notation",
                   commandLines: [["background", "small.yaml", "--statistics", "2e4", "-o", "out.csv"]],
                   answer: .accepted(writes: ["out.csv"], shows: [.init(file: "out.csv", line: "# generator: 20000 events, seed 1; veto and resolution of the variant")])),
    ]
}

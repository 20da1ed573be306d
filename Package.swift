// swift-tools-version:6.0
import PackageDescription

// MARK: - Dependencies

let dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
]

let realModule: Target.Dependency = .product(name: "RealModule", package: "swift-numerics")

// MARK: - Library targets (pure, no I/O except where noted)

let libraries: [Target] = [
    // Quadrature and interpolation rules shared by the physics, the detector and the statistics.
    .target(name: "Quadrature", dependencies: [realModule]),
    // Constants (PDG edition named), kinematics, form factors, production rates.
    .target(name: "Physics", dependencies: ["Quadrature"]),
    // The detector and beam as a scenario describes them: photon veto, acceptance, resolution, K+ beam.
    .target(name: "DetectorModel", dependencies: ["Physics", "Quadrature"]),
    // The user's dN/dm2_miss background tables: format, reader, integral.
    .target(name: "BackgroundTables", dependencies: ["Physics", "Quadrature"]),
    // Radiative background generators and the detector response.
    .target(name: "Simulation", dependencies: ["Physics", "Quadrature", "DetectorModel", "BackgroundTables", realModule]),
    // Counting-experiment statistics: s/sqrt(b), median exclusion, CLs.
    .target(name: "Statistics", dependencies: ["Quadrature", realModule]),
    // Scenario files: YAML decoding, units, validation, variants.
    // Reads the user's tables and curves through BackgroundTables' and References' parsers;
    // reference ids come from the bundled library's manifest; the confidence-level range and
    // the background prior are Statistics'.
    .target(name: "Scenario", dependencies: ["Physics", "DetectorModel", "BackgroundTables", "Statistics", "References", .product(name: "Yams", package: "Yams")]),
    // The mass scan: scenario + background + statistics -> sensitivity curves and tables.
    .target(name: "Projection", dependencies: ["Physics", "DetectorModel", "BackgroundTables", "Simulation", "Statistics", "Scenario", realModule]),
    // Published limit curves (bundled resources with provenance) and user curve files.
    .target(
        name: "References",
        dependencies: ["Physics", .product(name: "Yams", package: "Yams")],
        resources: [.copy("Resources/reference-limits")]
    ),
    // Physics figures built on the plotting layer: exclusion plots, background spectra, scans.
    .target(name: "Figures", dependencies: ["Physics", "Scenario", "Projection", "References", "Simulation", "Statistics", "Plot"]),
    // Exports of a projection in the formats the field's tools read: HEPData submissions, pyhf workspaces.
    .target(name: "Exports", dependencies: ["Physics", "Scenario", "Projection", "Statistics", realModule, .product(name: "Yams", package: "Yams")]),
    // The comparison with the seed papers' numbers (README validation table).
    .target(name: "Validation", dependencies: ["Physics", "DetectorModel", "Simulation", "Statistics", "Scenario", "Projection", "References"]),
    // A small Cairo/Pango plotting layer that knows nothing of physics.
    .target(name: "Plot", dependencies: ["CCairo"]),
]

// MARK: - System libraries

let systemLibraries: [Target] = [
    // cairo and pangocairo (text layout), from libcairo2-dev and libpango1.0-dev.
    .systemLibrary(
        name: "CCairo",
        pkgConfig: "pangocairo",
        providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
    ),
]

// MARK: - Command-line tool

let executables: [Target] = [
    // `make validate`: writes the validation table into README.md.
    .executableTarget(name: "ReachValidation", dependencies: ["Validation"]),
    // `make bench`: timings of the hot paths against the targets they must meet.
    .executableTarget(
        name: "ReachBenchmarks",
        dependencies: ["Simulation", "Statistics", "Scenario", "Projection", "Plot", "References", "Figures"]
    ),
    .executableTarget(
        name: "reach",
        dependencies: [
            "Physics", "BackgroundTables", "Simulation", "Statistics", "Scenario", "Projection", "Plot", "References", "Figures", "Exports",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
]

// MARK: - Test support (linked by test targets only; never part of a product)

let testSupport: [Target] = [
    // Tools every test target may share, the command line's included: so it links XCTest and
    // swift-numerics only, no library of the tool.
    .target(name: "TestSupport", dependencies: [realModule], path: "Tests/TestSupport"),
    // Seed 001's variant and a flat background, for tests that project or draw by hand.
    .target(name: "ProjectionFixtures", dependencies: ["Scenario", "DetectorModel", "Simulation"], path: "Tests/ProjectionFixtures"),
]

// MARK: - Tests (one target per library, and the command line end to end)

let tests: [Target] = [
    .testTarget(name: "PhysicsTests", dependencies: ["Physics", "Quadrature", realModule]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "DetectorModel", "BackgroundTables", "Physics", "Quadrature", "TestSupport"]),
    // reference/: the scripts (mpmath, scipy) that computed the reference numbers.
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport", realModule], exclude: ["reference"]),
    .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Physics", "Simulation", "References", "TestSupport"]),
    .testTarget(name: "ProjectionTests", dependencies: ["Projection", "Scenario", "Statistics", "Simulation", "Physics", "TestSupport", "ProjectionFixtures"]),
    .testTarget(name: "PlotTests", dependencies: ["Plot"]),
    .testTarget(name: "ReferencesTests", dependencies: ["References", "Physics", "TestSupport"]),
    .testTarget(name: "ValidationTests", dependencies: ["Validation"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures", "Plot", "Projection", "Scenario", "References", "Physics", "Simulation", "Statistics", "ProjectionFixtures"]),
    // End to end: the built `reach` executable run as a separate process (no library of the
    // tool linked, only TestSupport). ExportCheckers/: the Python scripts that run pyhf on exported workspaces.
    .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Corpus", "ExportCheckers"]),
]

let package = Package(
    name: "reach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reach", targets: ["reach"]),
    ],
    dependencies: dependencies,
    targets: libraries + systemLibraries + executables + testSupport + tests
)

import XCTest
import Foundation
import Physics
import Scenario
import ProjectionFixtures
import TestSupport
@testable import Projection

/// `reach project`'s table holds what the model says. Every column of every row, in the CSV and
/// in the JSON, is compared with a number computed here from the scenario's inputs — seed 001's
/// setup with a flat background of known density, where each column has a closed form or a
/// one-line root — never with the other format; and the columns are the ones scenarios/README.md
/// documents.
final class ProjectionTableTests: XCTestCase {
    private static let masses = [0.125, 0.135]
    private static let k = 1.4, resolution = 1.7e-3, acceptance = 0.10, vetoPass = 0.018
    /// z = Φ⁻¹(0.90) and Φ⁻¹(0.95) (Tests/StatisticsTests/reference/normal_distribution.py).
    private static let z90 = 1.2815515655446004, z95 = 1.6448536269514722

    /// A variant of the table: its N_K, the flat density after the veto and δb/b.
    private struct Case {
        var label: String
        var kaonDecays: Double
        var density: Double
        var relativeUncertainty: Double
        /// b = density × 2kσ.
        var background: Double { density * 2 * ProjectionTableTests.k * ProjectionTableTests.resolution }
    }

    /// b = 1 exactly (CLs exact: Poisson sums), b ≈ 9520 (CLs asymptotic) and the same with
    /// δb = 10 % of b, where δb ≫ √b.
    private static let cases = [
        Case(label: "one event", kaonDecays: 3e10, density: 1 / (2 * k * resolution), relativeUncertainty: 0),
        Case(label: "large b", kaonDecays: 1.4e11, density: 2e6, relativeUncertainty: 0),
        Case(label: "large b ± 10 %", kaonDecays: 1.4e11, density: 2e6, relativeUncertainty: 0.1),
    ]

    private func projection() -> DocumentProjection {
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: Self.masses, workers: .threads(1))
        let curves = Self.cases.map { c in
            var variant = seed001Variant(kaonDecays: c.kaonDecays, label: c.label)
            variant.analysis.backgroundUncertainty = c.relativeUncertainty
            return scan.curve(for: variant, background: FlatBackground(eventsPerGeV2: c.density, vetoPassFraction: Self.vetoPass))
        }
        return DocumentProjection(title: "Test \"quoted\"", channel: .kaonToPi0ElectronN, confidence: 0.9, curves: curves)
    }

    // MARK: - Independent expectations

    /// P(n′ ≤ n; μ), summed term by term.
    private static func poissonCDF(_ n: Int, _ mu: Double) -> Double {
        var term = exp(-mu), sum = term
        for i in stride(from: 1, through: n, by: 1) {
            term *= mu / Double(i)
            sum += term
        }
        return sum
    }

    /// The x in `range` where the monotone `f` equals `target`, by bisection.
    private static func solve(_ target: Double, in range: ClosedRange<Double>, _ f: (Double) -> Double) -> Double {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        let increasing = f(upper) > f(lower)
        for _ in 0..<200 {
            let middle = 0.5 * (lower + upper)
            if (f(middle) < target) == increasing { lower = middle } else { upper = middle }
        }
        return 0.5 * (lower + upper)
    }

    /// Φ(N) for the band edges −2σ, −1σ, median, +1σ, +2σ (the same script).
    private static let bandQuantiles = [0.022750131948179195, 0.15865525393145707, 0.5, 0.8413447460685429, 0.9772498680518208]

    /// Exact CLs at 90 % CL without background uncertainty (statistics.md §4, §6): each band's
    /// count is the smallest n with P(n′ ≤ n; b) ≥ Φ(N), its limit the s with
    /// P(n′ ≤ n; s + b) / P(n′ ≤ n; b) = 0.10.
    private static func exactCLsSignals(background b: Double) -> [Double] {
        bandQuantiles.map { q in
            var n = 0
            while poissonCDF(n, b) < q { n += 1 }
            return solve(0.10, in: 0...100) { s in poissonCDF(n, s + b) / poissonCDF(n, b) }
        }
    }

    /// Asymptotic CLs at 90 % CL without background uncertainty (statistics.md §7): with
    /// r(n; μ) = sign(n − μ) √(2[μ − n + n ln(n/μ)]), band N's count solves r(n; b) = N and its
    /// limit r(n; s + b) = Φ⁻¹(0.10 Φ(N)).
    private static func asymptoticCLsSignals(background b: Double) -> [Double] {
        func r(_ n: Double, _ mu: Double) -> Double {
            let value = (2 * (mu - n + n * log(n / mu))).squareRoot()
            return n < mu ? -value : value
        }
        let width = b.squareRoot()
        return zip([-2.0, -1, 0, 1, 2], bandQuantiles).map { sigmas, q in
            let n = solve(sigmas, in: (b - 10 * width)...(b + 10 * width)) { n in r(n, b) }
            return solve(normalQuantile(0.10 * q), in: 0...(20 * width)) { s in r(n, s + b) }
        }
    }

    /// Φ⁻¹(p) by bisection on Foundation's erfc, independent of the code's normal distribution.
    private static func normalQuantile(_ p: Double) -> Double {
        solve(p, in: -40...40) { x in 0.5 * erfc(-x / 2.0.squareRoot()) }
    }

    /// Every numeric column of `c`'s row at `massGeV`, computed from the inputs alone; nil where
    /// only an approximation is known (the CLs band edges with δb > 0, checked separately).
    private static func expected(_ c: Case, massGeV: Double) -> [String: Double?] {
        let branching = Channel.kaonToPi0ElectronN.branchingFractionPerU2(massGeV: massGeV)
        let fraction = erf(k / 2.0.squareRoot())
        let signalPerU2 = c.kaonDecays * branching * acceptance * fraction
        let b = c.background, db = c.relativeUncertainty * b
        let detection = z90 * (b + db * db).squareRoot()
        let exclusion = 0.5 * (z90 * z90 + (z90 * z90 * z90 * z90 + 4 * z90 * z90 * (b + db * db)).squareRoot())
        let cls: [Double?] = db > 0 ? [nil, nil, nil, nil, nil] : (b < 1000 ? exactCLsSignals(background: b) : asymptoticCLsSignals(background: b))
        return [
            "mass_MeV": massGeV * 1000, "br_per_U2": branching, "kaon_decays_eff": c.kaonDecays, "signal_acceptance": acceptance,
            "window_k": k, "window_signal_fraction": fraction, "signal_per_U2": signalPerU2,
            "background": b, "background_uncertainty": db, "background_mc_uncertainty": 0, "veto_pass_fraction": vetoPass,
            "u2_detection": detection / signalPerU2, "u2_median_exclusion": exclusion / signalPerU2,
            "u2_cls_minus2sigma": cls[0].map { $0 / signalPerU2 }, "u2_cls_minus1sigma": cls[1].map { $0 / signalPerU2 },
            "u2_cls_expected": cls[2].map { $0 / signalPerU2 }, "u2_cls_plus1sigma": cls[3].map { $0 / signalPerU2 },
            "u2_cls_plus2sigma": cls[4].map { $0 / signalPerU2 },
        ]
    }

    /// Numbers are written to 6 significant digits.
    private func check(_ name: String, _ written: Double, against expected: Double?, _ c: Case, _ massGeV: Double, _ format: String) {
        let what = "\(format) \(c.label) at \(massGeV * 1000) MeV: \(name)"
        if let expected {
            assertApproximatelyEqual(written, expected, relative: 1e-5, what)
        } else {
            XCTAssertTrue(written.isFinite && written > 0, what)
        }
    }

    /// With δb ≫ √b the CLs median tends to Φ⁻¹(0.95) √(b + δb²) (statistics.md §7), here to
    /// ≈ 1 %; the band edges are in order around it.
    private func checkUncertainCLs(_ values: [String: Double], _ c: Case, _ massGeV: Double, _ format: String) {
        let signalPerU2 = Self.expected(c, massGeV: massGeV)["signal_per_U2"]!!
        let b = c.background, db = c.relativeUncertainty * b
        let names = ["u2_cls_minus2sigma", "u2_cls_minus1sigma", "u2_cls_expected", "u2_cls_plus1sigma", "u2_cls_plus2sigma"]
        assertApproximatelyEqual(values["u2_cls_expected"]!, Self.z95 * (b + db * db).squareRoot() / signalPerU2, relative: 0.02,
                                 "\(format) \(c.label) at \(massGeV * 1000) MeV")
        let edges = names.map { values[$0]! }
        XCTAssertEqual(edges, edges.sorted(), "\(format) \(c.label): \(edges)")
    }

    // MARK: - Tests

    /// The columns scenarios/README.md lists under "What `reach project` writes", in order.
    private func documentedColumns() throws -> [String] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "## What `reach project` writes").dropFirst().first)
        let rows = section.split(separator: "\n").prefix { !$0.hasPrefix("## ") }.filter { $0.hasPrefix("| `") }
        return rows.flatMap { row in
            row.split(separator: "|", omittingEmptySubsequences: true)[0].split(separator: "`").enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
    }

    func testCSVColumnsAreTheDocumentedOnes() throws {
        let header = ProjectionTable.csv(projection()).split(separator: "\n")[0]
        XCTAssertEqual(header.split(separator: ",").map(String.init), try documentedColumns())
    }

    func testEveryCSVValueIsTheModels() throws {
        let documented = try documentedColumns()
        let rows = ProjectionTable.csv(projection()).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, Self.cases.count * Self.masses.count)
        for (index, row) in rows.enumerated() {
            let c = Self.cases[index / Self.masses.count], massGeV = Self.masses[index % Self.masses.count]
            XCTAssertEqual(row.count, documented.count)
            let cells = Dictionary(uniqueKeysWithValues: zip(documented, row))
            XCTAssertEqual(cells["variant"], c.label)
            XCTAssertEqual(cells["scenario"], "kpi0en")
            XCTAssertEqual(cells["channel"], "K+ -> pi0 e+ N")
            XCTAssertEqual(cells["confidence"], "0.9")
            XCTAssertEqual(cells["statistic"], "median-exclusion")
            var numbers: [String: Double] = [:]
            for (name, value) in Self.expected(c, massGeV: massGeV) {
                let written = try XCTUnwrap(cells[name].flatMap(Double.init), "\(name) = '\(cells[name] ?? "absent")'")
                numbers[name] = written
                check(name, written, against: value, c, massGeV, "CSV")
            }
            if c.relativeUncertainty > 0 { checkUncertainCLs(numbers, c, massGeV, "CSV") }
        }
    }

    func testEveryJSONValueIsTheModels() throws {
        let documented = try documentedColumns()
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ProjectionTable.json(projection()).utf8)) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["scenario", "title", "channel", "confidence", "variants"])
        XCTAssertEqual(json["scenario"] as? String, "kpi0en")
        XCTAssertEqual(json["title"] as? String, "Test \"quoted\"")
        XCTAssertEqual(json["channel"] as? String, "K+ -> pi0 e+ N")
        XCTAssertEqual((json["confidence"] as? NSNumber)?.doubleValue, 0.9)
        let variants = try XCTUnwrap(json["variants"] as? [[String: Any]])
        XCTAssertEqual(variants.count, Self.cases.count)
        let pointKeys = Set(documented).subtracting(["variant", "scenario", "channel", "confidence", "statistic"])
        for (c, variant) in zip(Self.cases, variants) {
            XCTAssertEqual(Set(variant.keys), ["label", "kaon_decays_effective", "confidence", "statistic", "background_components", "points"])
            XCTAssertEqual(variant["background_components"] as? [String], ["background"], "one component")
            XCTAssertEqual(variant["label"] as? String, c.label)
            XCTAssertEqual((variant["kaon_decays_effective"] as? NSNumber)?.doubleValue, c.kaonDecays)
            XCTAssertEqual((variant["confidence"] as? NSNumber)?.doubleValue, 0.9)
            XCTAssertEqual(variant["statistic"] as? String, "median-exclusion")
            let points = try XCTUnwrap(variant["points"] as? [[String: Any]])
            XCTAssertEqual(points.count, Self.masses.count)
            for (massGeV, point) in zip(Self.masses, points) {
                XCTAssertEqual(Set(point.keys), pointKeys.union(["background_by_component"]))
                XCTAssertEqual((point["background_by_component"] as? [NSNumber])?.map(\.doubleValue), [(point["background"] as? NSNumber)?.doubleValue ?? .nan],
                               "one component is the whole background")
                var numbers: [String: Double] = [:]
                for (name, value) in Self.expected(c, massGeV: massGeV) {
                    let written = try XCTUnwrap((point[name] as? NSNumber)?.doubleValue, "\(name) = \(point[name] ?? "absent")")
                    numbers[name] = written
                    check(name, written, against: value, c, massGeV, "JSON")
                }
                if c.relativeUncertainty > 0 { checkUncertainCLs(numbers, c, massGeV, "JSON") }
            }
        }
    }

    /// Several documents: one CSV whose `scenario` and `channel` columns name each row's document
    /// and channel; the rows of each document are the rows of its own table.
    func testSeveralDocumentsShareOneCSV() {
        let electron = projection()
        var muon = projection()
        muon.channel = .kaonToMuonN
        muon.name = "kmun-study"
        let rows = ProjectionTable.csv([electron, muon]).split(separator: "\n").map(String.init)
        let perDocument = Self.cases.count * Self.masses.count
        XCTAssertEqual(rows.count, 1 + 2 * perDocument)
        XCTAssertEqual(rows[0], ProjectionTable.csvColumns.joined(separator: ","))
        XCTAssertTrue(rows[1...perDocument].allSatisfy { $0.hasSuffix(",kpi0en,K+ -> pi0 e+ N,0.9,median-exclusion") }, "\(rows)")
        XCTAssertTrue(rows[(perDocument + 1)...].allSatisfy { $0.hasSuffix(",kmun-study,K+ -> mu+ N,0.9,median-exclusion") }, "\(rows)")
        XCTAssertEqual(Array(rows[1...perDocument]), ProjectionTable.csv(electron).split(separator: "\n").dropFirst().map(String.init))
    }

    /// JSON: one document is one object (with its name); several are listed under "scenarios".
    func testJSONOfSeveralDocumentsListsThem() throws {
        let one = try JSONSerialization.jsonObject(with: Data(ProjectionTable.json([projection()]).utf8)) as! [String: Any]
        XCTAssertEqual(one["scenario"] as? String, "kpi0en")
        XCTAssertNil(one["scenarios"])
        var second = projection()
        second.name = "other"
        let two = try JSONSerialization.jsonObject(with: Data(ProjectionTable.json([projection(), second]).utf8)) as! [String: Any]
        let documents = try XCTUnwrap(two["scenarios"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["scenario"] as? String }, ["kpi0en", "other"])
        XCTAssertEqual(documents.map { ($0["variants"] as? [Any])?.count }, [Self.cases.count, Self.cases.count])
    }
}

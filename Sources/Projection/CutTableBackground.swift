import BackgroundTables
import Physics
import Scenario
import Simulation

/// The background of a cut-region search from the user's N_exp(m0²) ± δN_exp(m0²)
/// (`background: {table: cut.csv, kind: above}`; seed 000 Sec. 6, Fig. 7 left): above a cut
/// m0² the table's counts, linear between its rows, with the table's δN_exp as the stated
/// uncertainty (in place of a relative one). An interval [a, b] holds N_exp(a) − N_exp(b),
/// without a stated uncertainty; outside the table's rows nothing is known (NaN).
public struct CutTableBackground: MissingMassBackground {
    public let table: CutTable

    public init(table: CutTable) { self.table = table }

    public func events(in region: SignalRegion) -> BackgroundEstimate {
        let range = region.rangeGeV2
        guard let lower = table.value(atGeV2: range.lowerBound) else { return BackgroundEstimate(events: .nan, mcUncertainty: 0, eventsBeforeVeto: nil) }
        guard range.upperBound.isFinite else {
            return BackgroundEstimate(events: lower.events, mcUncertainty: 0, eventsBeforeVeto: nil, statedUncertainty: lower.uncertainty)
        }
        guard let upper = table.value(atGeV2: range.upperBound) else { return BackgroundEstimate(events: .nan, mcUncertainty: 0, eventsBeforeVeto: nil) }
        return BackgroundEstimate(events: max(0, lower.events - upper.events), mcUncertainty: 0, eventsBeforeVeto: nil)
    }

    /// A cut the variant's region tests that the table does not cover.
    public struct UncoveredCut: Error, CustomStringConvertible {
        public var path: String
        public var cutGeV2: Double
        public var table: ClosedRange<Double>
        public var tested: ClosedRange<Double>

        public var description: String {
            let f = TableFormatting.format
            return "\(path): cut table: m0^2 = \(f(cutGeV2)) GeV^2 lies outside the table's rows [\(f(table.lowerBound)), \(f(table.upperBound))] GeV^2; "
                + "expected rows covering every m0^2 analysis.region tests, [\(f(tested.lowerBound)), \(f(tested.upperBound))] GeV^2"
        }
    }

    /// The cuts `analysis.region` tests for `channel`: the written m0², or the optimiser's grid
    /// from 0 below the endpoint (m_K − m_μ)².
    public static func testedCuts(_ analysis: Analysis, channel: Channel) -> [Double] {
        switch analysis.window {
        case .cut(let m0): return [m0]
        case .optimalCut(let step): return WindowChoice.cutCandidates(stepGeV2: step, endpointGeV2: channel.endpointGeV * channel.endpointGeV)
        case .fixed, .optimal: return []
        }
    }

    /// The table at `path` for `scenario`, refused when a tested cut lies outside its rows.
    static func read(path: String, for scenario: Variant, channel: Channel) throws -> CutTableBackground {
        let table: CutTable
        switch BackgroundTableFile.readCut(path: path) {
        case .success(let read): table = read
        case .failure(let failure): throw failure
        }
        let tested = testedCuts(scenario.analysis, channel: channel)
        if let outside = tested.first(where: { !table.rangeGeV2.contains($0) }) {
            throw UncoveredCut(path: path, cutGeV2: outside, table: table.rangeGeV2, tested: tested.min()!...tested.max()!)
        }
        return CutTableBackground(table: table)
    }
}

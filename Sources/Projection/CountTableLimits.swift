import BackgroundTables
import Physics
import Statistics

/// Observed and expected limits from a table of counts per mass (`CountTable`): at each mass the
/// counting experiment (N_exp, δN_exp) with N_obs gives the observed CLs limit on the signal
/// events N_S and the expected one with its ±1σ/±2σ bands (docs/statistics.md §4, §6), then
/// converted with the single-event sensitivities of seed 000 Sec. 5:
///
///     B_SES = 1/(N_K · A_N),   |U|²_SES = B_SES / (B(K → l ν) ρ_l(m_N)) = B_SES / (B/|U|²),
///     N_S = B / B_SES = |U|² / |U|²_SES,
///
/// so a limit on N_S is a limit on B or |U|² times the SES. The table gives A_N (with N_K), or
/// |U|²_SES or B_SES directly; the channel supplies B/|U|² (`Channel.branchingFractionPerU2`).
public enum CountTableLimits {
    public struct Point: Sendable {
        public var row: CountTable.Row
        public var observedEvents: Double
        public var expectedEvents: ExpectedLimits
        /// B_SES and |U|²_SES (nil where the table and options do not give them).
        public var branchingSES: Double?
        public var u2SES: Double?
    }

    /// Why the limits cannot be computed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Parameters:
    ///   - kaonDecays: N_K, needed with an `acceptance` column.
    ///   - channel: for |U|² (HNL channels); without it, the events and B only.
    public static func limits(_ table: CountTable, confidence: Double, prior: BackgroundUncertaintyModel, method: LimitMethod = .cls,
                              kaonDecays: Double?, channel: Channel?) throws(Failure) -> [Point] {
        if table.conversion == .acceptance, kaonDecays == nil {
            throw Failure(description: "the table gives the acceptance: --kaon-decays N_K is needed to convert events into B (B_SES = 1/(N_K A_N))")
        }
        var points: [Point] = []
        for row in table.rows {
            let experiment: CountingExperiment
            do {
                experiment = try CountingExperiment(checkedBackground: row.expected, backgroundUncertainty: row.expectedUncertainty, uncertaintyModel: prior)
            } catch {
                throw Failure(description: "mass \(row.massGeV * 1000) MeV: \(error.description)")
            }
            let expected = expectedLimits(experiment, confidence: confidence, method: method)
            let observed: Double
            do {
                observed = try observedLimit(observed: row.observed, experiment: experiment, confidence: confidence, method: method)
            } catch {
                throw Failure(description: "mass \(row.massGeV * 1000) MeV: \(error)")
            }
            let perU2 = channel.map { $0.branchingFractionPerU2(massGeV: row.massGeV) }.flatMap { $0 > 0 ? $0 : nil }
            var branchingSES: Double?, u2SES: Double?
            switch table.conversion {
            case .acceptance?:
                branchingSES = row.conversionValue.flatMap { a in kaonDecays.map { 1 / ($0 * a) } }
                u2SES = branchingSES.flatMap { b in perU2.map { b / $0 } }
            case .branchingSES?:
                branchingSES = row.conversionValue
                u2SES = branchingSES.flatMap { b in perU2.map { b / $0 } }
            case .u2SES?:
                u2SES = row.conversionValue
                branchingSES = u2SES.flatMap { u in perU2.map { u * $0 } }
            case nil:
                break
            }
            points.append(Point(row: row, observedEvents: observed, expectedEvents: expected, branchingSES: branchingSES, u2SES: u2SES))
        }
        return points
    }
}

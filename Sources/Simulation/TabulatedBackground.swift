import BackgroundTables
import Foundation
import Physics

/// A user background table scaled to the variant's N_K (`MissingMassBackground`).
public struct TabulatedBackground: MissingMassBackground {
    public let table: BackgroundTable
    /// Events per table unit: N_K for a per-kaon-decay table, N_K/N_table for a table stated
    /// for N_table kaon decays.
    public let scale: Double

    /// - Parameter tableKaonDecays: nil if the table is per kaon decay, else the number of kaon
    ///   decays it was made for.
    public init(table: BackgroundTable, kaonDecays: Double, tableKaonDecays: Double?) {
        self.table = table
        scale = tableKaonDecays.map { kaonDecays / $0 } ?? kaonDecays
    }

    public func events(in region: SignalRegion) -> BackgroundEstimate {
        let range = region.rangeGeV2
        return BackgroundEstimate(events: scale * table.integral(fromGeV2: range.lowerBound, toGeV2: range.upperBound),
                                  mcUncertainty: 0, eventsBeforeVeto: nil)
    }
}

extension BackgroundModel {
    /// The after-veto reconstructed spectrum as a background table per kaon decay, sampled at
    /// bin centres of width `binWidthGeV2` over `rangeGeV2`.
    public func table(binWidthGeV2: Double, rangeGeV2: ClosedRange<Double>) -> BackgroundTable {
        let bins = spectrum(binWidthGeV2: binWidthGeV2, rangeGeV2: rangeGeV2)
        return BackgroundTable(m2GeV2: bins.map(\.m2GeV2),
                               densityPerGeV2: bins.map { $0.afterVeto / ($0.widthGeV2 * kaonDecays) })
    }
}

import Foundation
import Physics

/// A generated radiative-background sample, stored compactly as a weighted two-dimensional
/// histogram in (true m²_miss, kaon-frame photon energy E*_γ), plus the share of the parent decays
/// with a softer (or no) photon, which sits at m²_miss = 0.
///
/// Why this shape: the detector model needs, per event, only m²_miss (smeared later) and the
/// veto miss probability. The K+ is spinless, so the photon direction relative to the beam is
/// isotropic and independent of m²_miss and E*_γ; the veto response averaged over it is a
/// function of E*_γ alone (`PhotonVeto.meanMissProbability`). Integrating the direction
/// analytically removes its sampling noise entirely, and every variant that differs only in
/// exposure, veto, resolution or acceptance reuses the same sample by reweighting its E*_γ bins.
///
/// Weights are fractions of the parent decays: Σ over all cells = Γ(E*_γ > E_cut)/Γ(parent).
public struct RadiativeSample: Sendable {
    public let process: RadiativeProcess
    /// Inner bremsstrahlung alone, or with structure-dependent emission (K_l2γ).
    public let emission: RadiativeEmission
    public let events: Int
    public let seed: UInt64
    public let photonEnergyCutoffGeV: Double

    /// Number of true-m²_miss bins, uniform on [0, `missingMassSquaredMaximumGeV2`].
    public let massBinCount: Int
    public let missingMassSquaredMaximumGeV2: Double
    /// Number of E*_γ bins, uniform in √E*_γ on [cutoff, `photonEnergyMaximumGeV`] (fine at low
    /// energy where lab energies sweep the veto's threshold region; no logarithm per event).
    public let energyBinCount: Int
    public let photonEnergyMaximumGeV: Double

    /// Σ w/N per cell, index `massBin * energyBinCount + energyBin`.
    public let weights: [Double]
    /// Σ (w/N)² per cell, for MC uncertainties.
    public let squaredWeights: [Double]
    /// Γ(E*_γ > cutoff)/Γ(parent) and its MC uncertainty.
    public let radiativeFraction: Double
    public let radiativeFractionUncertainty: Double

    /// Share of parent decays in the peak at m²_miss = 0: non-radiative plus photons below the
    /// cut-off (the measured branching fraction includes them), never vetoed.
    public var peakFraction: Double { max(0, 1 - radiativeFraction) }

    /// Default photon-energy cut-off E*_γ > 1 MeV: photons this soft give m²_miss < 5 × 10⁻⁴ GeV²,
    /// well inside the resolution. Moving it (0.5 vs 2 MeV) leaves the spectrum before the veto
    /// unchanged within MC errors above 0.006 GeV², and after the veto above 0.008 GeV² (90 MeV);
    /// nearer the peak it acts as the veto's energy threshold, since photons below it sit in the
    /// never-vetoed peak at 0 (tested).
    public static let defaultPhotonEnergyCutoffGeV = 1e-3
    /// Default statistics, 2²⁰ = 1 048 576 events (8 chunks): the smallest power of two with
    /// ≤ 2 % MC uncertainty on b in every 100–300 MeV window of K+ → π0 e+ N, with room for
    /// narrower windows. Measured worst (at 300 MeV, where the spectrum is lowest): 1.3 % for
    /// σ = 1.7 × 10⁻³ GeV² and 1.5 % for 1.2 × 10⁻³ GeV²; 2¹⁹ events would give 1.8 % and 2.1 %.
    /// Generated, with b in 201 windows, in 0.11 s wall on two cores that other jobs were
    /// also using (`make bench`; the 2 % is a test).
    public static let defaultEvents = 1 << 20
    /// Events per chunk: the unit of parallel work and of seeding.
    public static let chunkSize = 1 << 17

    public var massBinWidthGeV2: Double { missingMassSquaredMaximumGeV2 / Double(massBinCount) }

    /// Centre of true-m²_miss bin `index` [GeV²].
    public func massBinCentreGeV2(_ index: Int) -> Double { (Double(index) + 0.5) * massBinWidthGeV2 }

    /// Centre of E*_γ bin `index` in √E [GeV].
    public func energyBinCentreGeV(_ index: Int) -> Double {
        let lo = photonEnergyCutoffGeV.squareRoot(), hi = photonEnergyMaximumGeV.squareRoot()
        let root = lo + (Double(index) + 0.5) / Double(energyBinCount) * (hi - lo)
        return root * root
    }

    /// Generates `events` weighted events of the radiative background of `channel`.
    public static func generate(channel: Channel, emission: RadiativeEmission = .innerBremsstrahlung,
                                events: Int = defaultEvents, seed: UInt64,
                                photonEnergyCutoffGeV: Double = defaultPhotonEnergyCutoffGeV, workers: Workers = .allCores) -> RadiativeSample {
        generate(process: RadiativeProcess(backgroundFor: channel), emission: emission, events: events, seed: seed,
                 photonEnergyCutoffGeV: photonEnergyCutoffGeV, workers: workers)
    }

    /// Generates `events` weighted events of `process`, in fixed chunks seeded from `seed`,
    /// on all cores; identical output for identical arguments on any machine. Structure-
    /// dependent emission exists for K_l2γ only (`RadiativeEmission.isAvailable(for:)`).
    public static func generate(process: RadiativeProcess, emission: RadiativeEmission = .innerBremsstrahlung,
                                events: Int = defaultEvents, seed: UInt64,
                                photonEnergyCutoffGeV: Double = defaultPhotonEnergyCutoffGeV, workers: Workers = .allCores) -> RadiativeSample {
        precondition(events > 0, "a radiative sample needs at least one event")
        precondition(photonEnergyCutoffGeV > 0 && photonEnergyCutoffGeV < 0.05, "photon-energy cut-off must lie in (0, 50 MeV)")
        precondition(emission.isAvailable(for: process), "structure-dependent emission is implemented for K_l2γ only")
        if process.hasNeutralPion {
            let generator = SemileptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: photonEnergyCutoffGeV)
            return generate(generator, events: events, seed: seed, workers: workers)
        } else {
            let generator = LeptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: photonEnergyCutoffGeV, emission: emission)
            return generate(generator, events: events, seed: seed, workers: workers)
        }
    }

    static func generate<G: RadiativeEventGenerator>(_ generator: G, events: Int, seed: UInt64,
                                                     workers: Workers = .allCores) -> RadiativeSample {
        let binning = Binning(process: generator.process, photonEnergyCutoffGeV: generator.photonEnergyCutoffGeV)
        let chunks = (events + chunkSize - 1) / chunkSize
        var weights = [Double](repeating: 0, count: Binning.cellCount)
        var squares = [Double](repeating: 0, count: Binning.cellCount)
        ParallelChunks.run(count: chunks, workers: workers, body: { chunk -> [Double] in
            tallyChunk(chunk, of: generator, events: events, seed: seed, binning: binning)
        }, combine: { tally in
            addTally(tally, toWeights: &weights, squares: &squares)
        })
        let n = Double(events)
        let (total, totalSquares) = normalise(weights: &weights, squares: &squares, events: n)
        // Var(mean) = (Σw²/N − mean²)/N with everything already divided by N.
        let variance = max(0, totalSquares - total * total / n)
        return RadiativeSample(process: generator.process, emission: generator.emission, events: events, seed: seed,
                               photonEnergyCutoffGeV: binning.energyMinimumGeV, massBinCount: Binning.massBins,
                               missingMassSquaredMaximumGeV2: binning.missingMassSquaredMaximumGeV2,
                               energyBinCount: Binning.energyBins, photonEnergyMaximumGeV: binning.energyMaximumGeV,
                               weights: weights, squaredWeights: squares,
                               radiativeFraction: total, radiativeFractionUncertainty: variance.squareRoot())
    }

    /// The histogram's cells: uniform in m²_miss up to its endpoint, uniform in √E*_γ from the
    /// cut-off to the photon's endpoint.
    private struct Binning {
        static let massBins = 2048, energyBins = 64
        static let cellCount = massBins * energyBins
        let missingMassSquaredMaximumGeV2: Double
        let energyMinimumGeV: Double
        let energyMaximumGeV: Double
        let massScale: Double
        let rootMinimum: Double
        let energyScale: Double

        init(process: RadiativeProcess, photonEnergyCutoffGeV: Double) {
            missingMassSquaredMaximumGeV2 = process.missingMassSquaredEndpointGeV2
            energyMinimumGeV = photonEnergyCutoffGeV
            energyMaximumGeV = process.photonEnergyEndpointGeV
            massScale = Double(Self.massBins) / missingMassSquaredMaximumGeV2
            rootMinimum = energyMinimumGeV.squareRoot()
            energyScale = Double(Self.energyBins) / (energyMaximumGeV.squareRoot() - rootMinimum)
        }

        /// Index of the event's Σw in the interleaved tally (its Σw² follows); out-of-range
        /// values go to the edge cells, without a branch.
        @inline(__always)
        func tallyIndex(_ event: RadiativePoint) -> Int {
            let massBin = clampedBinIndex(event.missingMassSquaredGeV2 * massScale, count: Self.massBins)
            let energyBin = clampedBinIndex((event.photonEnergyGeV.squareRoot() - rootMinimum) * energyScale, count: Self.energyBins)
            return 2 &* (massBin &* Self.energyBins &+ energyBin)
        }
    }

    /// Events generated at once, then histogrammed.
    private static let eventBlock = 256

    /// One chunk's Σw and Σw², interleaved (one cache line per fill), from its own seeded stream:
    /// the unit of parallel work, so the sums do not depend on the number of workers.
    private static func tallyChunk<G: RadiativeEventGenerator>(_ chunk: Int, of generator: G, events: Int, seed: UInt64,
                                                               binning: Binning) -> [Double] {
        var tally = [Double](repeating: 0, count: 2 * Binning.cellCount)
        var rng = Xoshiro256StarStar(seed: Xoshiro256StarStar.chunkSeed(master: seed, chunk: chunk))
        let count = min(chunkSize, events - chunk * chunkSize)
        let block = eventBlock
        tally.withUnsafeMutableBufferPointer { cells in
            withUnsafeTemporaryAllocation(of: RadiativePoint.self, capacity: block) { points in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: block) { cellIndices in
                    var done = 0
                    while done < count {
                        let batch = UnsafeMutableBufferPointer(rebasing: points[0..<min(block, count - done)])
                        generator.fill(batch, using: &rng)
                        histogram(batch, into: cells, cellIndices: cellIndices, binning: binning)
                        done += batch.count
                    }
                }
            }
        }
        return tally
    }

    /// Adds a batch of events to the tally. Cells first, then the sums: the tally is larger
    /// than the L2 cache, and a loop of bare updates lets the CPU overlap the misses.
    @inline(__always)
    private static func histogram(_ batch: UnsafeMutableBufferPointer<RadiativePoint>, into cells: UnsafeMutableBufferPointer<Double>,
                          cellIndices: UnsafeMutableBufferPointer<Int>, binning: Binning) {
        for i in batch.indices {
            cellIndices[i] = binning.tallyIndex(batch[i])
        }
        for i in batch.indices {
            let weight = batch[i].weight
            guard weight > 0 else { continue }  // outside phase space
            let cell = cellIndices[i]
            cells[cell] += weight
            cells[cell &+ 1] += weight * weight
        }
    }

    /// Adds one chunk's interleaved tally to the sample's Σw and Σw², in chunk order.
    private static func addTally(_ tally: [Double], toWeights weights: inout [Double], squares: inout [Double]) {
        weights.withUnsafeMutableBufferPointer { weights in
            squares.withUnsafeMutableBufferPointer { squares in
                tally.withUnsafeBufferPointer { tally in
                    for i in weights.indices {
                        weights[i] += tally[2 &* i]
                        squares[i] += tally[2 &* i &+ 1]
                    }
                }
            }
        }
    }

    /// Divides the sums by N (by N² for Σw²), so weights are fractions of the parent decays;
    /// returns the totals over all cells.
    private static func normalise(weights: inout [Double], squares: inout [Double], events n: Double) -> (total: Double, squares: Double) {
        var total = 0.0, totalSquares = 0.0
        for i in weights.indices {
            weights[i] /= n
            squares[i] /= n * n
            total += weights[i]
            totalSquares += squares[i]
        }
        return (total, totalSquares)
    }
}

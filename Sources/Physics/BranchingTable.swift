/// The production branching fraction per unit |U_l|² of one channel on an evenly spaced HNL-mass
/// grid: what `reach branching` prints. Pure values; formatting is the caller's business.
public struct BranchingTable: Sendable, Equatable {
    /// One grid point: HNL mass [GeV] and B(K+ → … N)/|U_l|² (zero at and beyond the endpoint).
    public struct Row: Sendable, Equatable {
        public var massGeV: Double
        public var branchingFractionPerU2: Double
    }

    /// Why a mass grid cannot be built; the values are in GeV.
    public enum GridError: Error, Equatable, CustomStringConvertible {
        /// A grid end below zero.
        case negativeMass(GeV: Double)
        /// A step that is zero or negative.
        case nonPositiveStep(GeV: Double)
        /// The first mass lies above the last one.
        case reversedRange(fromGeV: Double, toGeV: Double)
        /// More points than `maximumPointCount`.
        case tooManyPoints(count: Double, limit: Int)

        public var description: String {
            switch self {
            case .negativeMass(let m): return "a mass of \(m * 1000) MeV is negative; expected a mass ≥ 0"
            case .nonPositiveStep(let s): return "a step of \(s * 1000) MeV is not positive; expected a step > 0"
            case .reversedRange(let a, let b):
                return "the grid starts at \(a * 1000) MeV above its end at \(b * 1000) MeV; expected from ≤ to"
            case .tooManyPoints(let n, let limit):
                let count = n < 1e15 ? String(Int(n)) : "\(n)"
                return "the grid has \(count) points; expected at most \(limit) (use a larger step)"
            }
        }
    }

    public let channel: Channel
    public let rows: [Row]

    /// B(channel)/|U|² at each mass of `massesGeV`, in order.
    public init(channel: Channel, massesGeV: [Double]) {
        self.channel = channel
        self.rows = massesGeV.map { Row(massGeV: $0, branchingFractionPerU2: channel.branchingFractionPerU2(massGeV: $0)) }
    }

    /// Masses from, from + step, … up to `toGeV` inclusive [GeV], by the rule of `MassGrid`.
    public static func massGridGeV(fromGeV: Double, toGeV: Double, stepGeV: Double) -> Result<[Double], GridError> {
        if fromGeV < 0 { return .failure(.negativeMass(GeV: fromGeV)) }
        if toGeV < 0 { return .failure(.negativeMass(GeV: toGeV)) }
        guard stepGeV > 0 else { return .failure(.nonPositiveStep(GeV: stepGeV)) }
        guard fromGeV <= toGeV else { return .failure(.reversedRange(fromGeV: fromGeV, toGeV: toGeV)) }
        let grid = MassGrid(fromGeV: fromGeV, toGeV: toGeV, stepGeV: stepGeV)
        guard grid.pointCount <= Double(MassGrid.maximumPointCount) else {
            return .failure(.tooManyPoints(count: grid.pointCount, limit: MassGrid.maximumPointCount))
        }
        return .success(grid.massesGeV)
    }
}

import Simulation

/// The background of a variant as a sum of named components, each with its own relative
/// uncertainty and an optional correlation group: uncertainties within a group add linearly
/// (fully correlated, e.g. the photon-veto systematic common to several sources in seed 000
/// Sec. 5), groups and ungrouped components in quadrature (independent).
///
/// Today's backgrounds are one component (the generated radiative decay or the user's table,
/// with `analysis.background_uncertainty`); several sources land as more components.
public struct BackgroundComposition: Sendable {
    /// One source of background.
    public struct Component: Sendable {
        public var label: String
        public var source: any MissingMassBackground
        /// δb/b of this component.
        public var relativeUncertainty: Double
        /// Components with the same group have fully correlated uncertainties.
        public var group: String?

        public init(label: String, source: any MissingMassBackground, relativeUncertainty: Double, group: String? = nil) {
            self.label = label
            self.source = source
            self.relativeUncertainty = relativeUncertainty
            self.group = group
        }

        /// δb of this component in a region: what the source states (a cut table's δN_exp), else
        /// the relative uncertainty times its events.
        public func uncertainty(of estimate: BackgroundEstimate) -> Double {
            estimate.statedUncertainty ?? relativeUncertainty * estimate.events
        }
    }

    /// The background in one region: the total, its uncertainty δb, and each component's part.
    public struct Estimate: Sendable {
        public var total: BackgroundEstimate
        public var uncertainty: Double
        public var components: [BackgroundEstimate]
    }

    public var components: [Component]

    public init(components: [Component]) { self.components = components }

    /// One component.
    public static func single(_ source: any MissingMassBackground, label: String, relativeUncertainty: Double) -> BackgroundComposition {
        BackgroundComposition(components: [Component(label: label, source: source, relativeUncertainty: relativeUncertainty)])
    }

    /// Every component in `region`, summed: events add, MC uncertainties add in quadrature, the
    /// before-veto count is known only when every component knows it.
    public func estimate(in region: SignalRegion) -> Estimate {
        let parts = components.map { $0.source.events(in: region) }
        guard parts.count != 1 else {
            return Estimate(total: parts[0], uncertainty: uncertainty(of: parts), components: parts)
        }
        let events = parts.reduce(0) { $0 + $1.events }
        let mc = parts.reduce(0) { $0 + $1.mcUncertainty * $1.mcUncertainty }.squareRoot()
        let before: Double? = parts.allSatisfy { $0.eventsBeforeVeto != nil } ? parts.reduce(0) { $0 + ($1.eventsBeforeVeto ?? 0) } : nil
        return Estimate(total: BackgroundEstimate(events: events, mcUncertainty: mc, eventsBeforeVeto: before),
                        uncertainty: uncertainty(of: parts), components: parts)
    }

    /// δb of the composition given each component's estimate in one region (ordered as
    /// `components`).
    func uncertainty(of parts: [BackgroundEstimate]) -> Double {
        guard parts.count != 1 else { return components[0].uncertainty(of: parts[0]) }
        return Self.combinedUncertainty(zip(components, parts).map { (uncertainty: $0.uncertainty(of: $1), group: $0.group) })
    }

    /// δb of several components: linear sums within each group, then the groups and the
    /// ungrouped components in quadrature.
    public static func combinedUncertainty(_ parts: [(uncertainty: Double, group: String?)]) -> Double {
        var independent: [Double] = []
        var groups: [String: Double] = [:]
        var order: [String] = []
        for part in parts {
            guard let group = part.group else {
                independent.append(part.uncertainty)
                continue
            }
            if groups[group] == nil { order.append(group) }
            groups[group, default: 0] += part.uncertainty
        }
        let terms = independent + order.map { groups[$0]! }
        if terms.count == 1 { return abs(terms[0]) }
        return terms.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}

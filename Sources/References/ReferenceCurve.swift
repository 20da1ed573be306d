import Physics

/// A published limit on |U_l|² against HNL mass, with the provenance needed to cite it.
public struct ReferenceCurve: Sendable, Equatable {
    /// Which side of the curve is excluded.
    public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
        /// Mixings above the curve are excluded (peak searches, decay searches' lower edge).
        case upperLimit = "upper_limit"
        /// Mixings below the curve are excluded (BBN).
        case lowerBound = "lower_bound"
    }

    /// Identifier, unique within a flavour (`pienu_2018`); user curves get `userFileID(path:)`.
    public var id: String

    /// The id of a user's curve file: `file:` and its absolute path, which no bundled id starts with.
    public static func userFileID(path: String) -> String { "file:" + path }
    public var flavour: LeptonFlavour
    /// Label drawn on the figure ("PIENU (2018)").
    public var label: String
    public var kind: Kind
    /// Process constrained ("pi+ -> e+ N").
    public var process: String
    public var confidenceLevel: String
    /// Full citation of the original publication.
    public var citation: String
    public var arxiv: String?
    /// Whether a figure shows it when a scenario asks for "the defaults".
    public var showByDefault: Bool
    /// Where the numbers come from (HEPData, digitised figure …).
    public var origin: String
    /// The curve: strictly increasing masses [MeV] and |U|² (linear, not log₁₀).
    public var massesMeV: [Double]
    public var u2: [Double]

    public init(id: String, flavour: LeptonFlavour, label: String, kind: Kind, process: String, confidenceLevel: String,
                citation: String, arxiv: String?, showByDefault: Bool, origin: String, massesMeV: [Double], u2: [Double]) {
        self.id = id
        self.flavour = flavour
        self.label = label
        self.kind = kind
        self.process = process
        self.confidenceLevel = confidenceLevel
        self.citation = citation
        self.arxiv = arxiv
        self.showByDefault = showByDefault
        self.origin = origin
        self.massesMeV = massesMeV
        self.u2 = u2
    }

    /// Mass range covered [MeV].
    public var massRangeMeV: ClosedRange<Double> { (massesMeV.first ?? 0)...(massesMeV.last ?? 0) }
}

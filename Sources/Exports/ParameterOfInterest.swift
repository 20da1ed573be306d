import Physics

/// What a projection limits, named for the exports: |U_l|² of an HNL channel, or the branching
/// fraction B(K+ → μ+ ν X) of a continuum channel (`Channel.isContinuum`), and the mass the
/// hypotheses are labelled by (m_N or m_X).
struct ParameterOfInterest {
    let channel: Channel

    /// `|U_e|^2`, `|U_mu|^2`, or `B(K+ -> mu+ nu X)`.
    var name: String {
        if channel.isContinuum { return "B(\(channel.name))" }
        return channel.flavour == .electron ? "|U_e|^2" : "|U_mu|^2"
    }

    /// The name of the hypothesis mass: `m_N` (HNL) or `m_X` (mediator).
    var massName: String { channel.isContinuum ? "m_X" : "m_N" }

    /// What the mass is the mass of, for descriptions.
    var massDescription: String { channel.isContinuum ? "mediator mass" : "heavy-neutral-lepton mass" }
}

import Physics

/// Ids of the published limits a scenario's figure may name under `references`, per lepton
/// flavour. These are the curve files of the reference library (hnlimits 1.2.0 data, see its
/// manifest); the decoder takes the set as a parameter so the library that ships the curves
/// can hand in its own list.
public enum BundledReferenceIDs {
    public static let byFlavour: [LeptonFlavour: Set<String>] = [
        .electron: ["pienu_2018", "kek_1984", "na62_2020", "triumf_1992", "ps191_1988", "bbn_sabti_2020", "na62_2025_pi"],
        .muon: ["e949_2015", "kek_1982", "kek_bryman_shrock_2019", "na62_2021", "pienu_2019", "ps191_1988", "bbn_sabti_2020"],
    ]

    /// Short names accepted for ids.
    public static let aliases: [String: String] = ["bbn": "bbn_sabti_2020"]
}

/// Seed 001's projection as a scenario's `base:` block: the 1-track Run 1 exposure
/// (4.5×10¹² kaon decays, prescale 150, so N_K = 3×10¹⁰), σ = 1.7e-3 GeV², a 50 mrad / 10⁻³
/// photon veto and 10 % acceptance; the analysis is left at its defaults (k = 1.4, median
/// exclusion, 90 % CL). The same setup as `seed001Variant` in ProjectionFixtures, as a file says it.
public let seed001BaseYAML = """
base:
  exposure:
    streams:
      - { name: 1-track, kaon_decays: 4.5e12, prescale: 150 }
  detector:
    resolution: 1.7e-3 GeV^2
    veto: { hermetic_angle: 50 mrad, inefficiency: 1e-3 }
    signal_acceptance: 0.1

"""

/// A background whose reconstructed m²_miss spectrum is its true spectrum seen through the
/// resolution (Gaussian core of width σ plus the resolution tail, docs/physics.md §5.8): its
/// count below x is then smooth on the scale of the smallest σ, so a table of that cumulative
/// count on a grid much finer than σ interpolates any window's count
/// (`WindowBackgroundTable` in the projection).
public protocol SmearedBackground: MissingMassBackground {}

extension BackgroundModel: SmearedBackground {}
extension MuonDecayBackground: SmearedBackground {}
extension UndetectedPionBackground: SmearedBackground {}

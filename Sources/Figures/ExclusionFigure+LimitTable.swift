import Plot
import Statistics

extension ExclusionFigure {
    /// A user's table of observed and expected limits as a search publishes it (seed 000 Fig. 5,
    /// the field's "Brazil band"): ±2σ yellow and ±1σ green around the dashed expected median,
    /// the observed limit solid over them; only the physical region |U|² ≤ 1.
    static func addLimitTable(_ table: UserLimitTable, to main: inout Panel) {
        let limits = table.limits, label = markup(table.label)
        let expected = limits.massesMeV.indices.map {
            ExpectedLimits(minus2: limits.minus2[$0], minus1: limits.minus1[$0], median: limits.expected[$0], plus1: limits.plus1[$0], plus2: limits.plus2[$0])
        }
        addExpectedBands(x: limits.massesMeV, limits: expected,
                         legends: ("\(label) expected ±2<i>σ</i>", "\(label) expected ±1<i>σ</i>"), to: &main)
        addPhysicalLine(zip(limits.massesMeV, limits.expected).map { DataPoint($0, $1) },
                        style: LineStyle(color: Palette.ink, width: 1.2, dash: .dashed), legend: "\(label) expected", to: &main)
        addPhysicalLine(zip(limits.massesMeV, limits.observed).map { DataPoint($0, $1) },
                        style: LineStyle(color: Palette.ink, width: 1.6), legend: "\(label) observed", to: &main)
    }
}

import Foundation
import Physics
import Plot
import Projection
import Scenario

/// A limit over two scenario parameters at one mass (`reach scan` with two parameters): a heat
/// map of log₁₀ of the CLs expected median, one cell per grid point reaching halfway to its
/// neighbours, and contour lines at each decade (and half-decade when there are fewer than
/// three decades), labelled — "what must the detector reach to cover this at 10⁻⁷?". Axes as
/// in `ScanFigure` (physics label per key, log when the values span more than a decade).
public enum GridFigure {
    /// Sequential colours from low (strong limit) to high (weak limit): a perceptually ordered
    /// ramp from dark blue through green to yellow.
    static let ramp: [(Double, UInt32)] = [(0, 0x30123b), (0.25, 0x3e6fd9), (0.5, 0x1fc8a0), (0.75, 0xa4e43a), (1, 0xf9e721)]

    /// `streams` are the scanned variant's trigger streams, which name an axis of a stream's
    /// kaon decays (unless the other axis changes a stream too, so the names may not hold).
    public static func make(_ grid: ParameterGrid, streams: [TriggerStream] = []) -> Figure {
        let x = grid.firstValues.map(\.value), y = grid.secondValues.map(\.value)
        func label(_ parameter: ScenarioParameter, _ other: ScenarioParameter, unit: String) -> String {
            ScanAxisLabel.markup(path: parameter.path, unit: unit, streams: other.path.hasPrefix("exposure.streams") ? [] : streams)
        }
        let z = grid.rows.map { row in row.points.map { log10($0.sensitivity.u2CLs.median) } }
        let finite = z.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let xAxis = ScanFigure.valueAxis(x, label: label(grid.first, grid.second, unit: grid.firstValues.first?.unit ?? ""))
        let yAxis = ScanFigure.valueAxis(y, label: label(grid.second, grid.first, unit: grid.secondValues.first?.unit ?? ""))
        var panel = Panel(yAxis: yAxis)
        let xEdges = edges(x, log: xAxis.scale == .log), yEdges = edges(y, log: yAxis.scale == .log)
        for j in y.indices {
            for i in x.indices where z[j][i].isFinite {
                let t = high > low ? (z[j][i] - low) / (high - low) : 0.5
                panel.add(.band(Band(x: [xEdges[i], xEdges[i + 1]], lower: [yEdges[j], yEdges[j]], upper: [yEdges[j + 1], yEdges[j + 1]],
                                     fill: color(t))))
            }
        }
        let step = high - low >= 3 ? 1.0 : 0.5
        var level = (low / step).rounded(.up) * step
        while level <= high {
            let segments = contour(z, x: x, y: y, level: level, log: (xAxis.scale == .log, yAxis.scale == .log))
            for segment in segments {
                panel.add(.line(Line(points: [segment.0, segment.1], color: Palette.ink, width: 1.0)))
            }
            // The label on the segment nearest the middle of the plot (away from the frame and the
            // corner label); a contour of a single segment, cut off by a corner, gets none.
            func scaled(_ p: DataPoint) -> (Double, Double) {
                func unit(_ v: Double, _ axis: Axis) -> Double {
                    axis.scale == .log ? (log(v) - log(axis.lower)) / (log(axis.upper) - log(axis.lower)) : (v - axis.lower) / (axis.upper - axis.lower)
                }
                return (unit(p.x, xAxis), unit(p.y, yAxis))
            }
            let midpoints = segments.map { DataPoint(0.5 * ($0.0.x + $0.1.x), 0.5 * ($0.0.y + $0.1.y)) }
            if segments.count > 1, let at = midpoints.min(by: { a, b in
                let (ax, ay) = scaled(a), (bx, by) = scaled(b)
                return (ax - 0.5) * (ax - 0.5) + (ay - 0.45) * (ay - 0.45) < (bx - 0.5) * (bx - 0.5) + (by - 0.45) * (by - 0.45)
            }) {
                panel.add(.text(TextAnnotation(powerMarkup(level), at: at, color: Color.white, sizePt: 9)))
            }
            level += step
        }
        let mass = grid.rows[0].channel.hasMass
            ? "<i>m</i><sub><i>\(grid.rows[0].channel.isContinuum ? "X" : "N")</i></sub> = \(String(format: "%g", grid.rows[0].massGeV * 1000)) MeV, " : ""
        let corner = mass + LabelMarkup.markup(grid.rows[0].variant) + ": " + ExclusionFigure.parameterMarkup(grid.rows[0].channel)
            + ", CLs expected median (\(ExclusionFigure.percent(grid.rows[0].confidence)) % CL)"
        return Figure(xAxis: xAxis, panels: [panel], experimentLabel: CornerLabel(corner), legend: Legend())
    }

    /// 10<sup>−7</sup>, or 3.2×10<sup>−8</sup> for a half decade.
    static func powerMarkup(_ log: Double) -> String {
        let exponent = Int(log.rounded(.down))
        let mantissa = pow(10, log - Double(exponent))
        let power = "10<sup>\(exponent < 0 ? "−" : "")\(abs(exponent))</sup>"
        return abs(mantissa - 1) < 1e-9 ? power : String(format: "%.1f", mantissa) + "×" + power
    }

    /// Cell edges halfway between the values (geometrically on a log axis), the outer ones as
    /// far beyond the end values as the first and last halfway points.
    static func edges(_ values: [Double], log: Bool) -> [Double] {
        let t = values.map { log ? Foundation.log($0) : $0 }
        guard t.count > 1 else { return log ? [values[0] / 1.5, values[0] * 1.5] : [values[0] - 0.5, values[0] + 0.5] }
        var e = [t[0] - 0.5 * (t[1] - t[0])]
        for k in 1..<t.count { e.append(0.5 * (t[k - 1] + t[k])) }
        e.append(t[t.count - 1] + 0.5 * (t[t.count - 1] - t[t.count - 2]))
        return log ? e.map(Foundation.exp) : e
    }

    static func color(_ t: Double) -> Color {
        let u = min(max(t, 0), 1)
        let k = min(ramp.count - 2, Int(u * Double(ramp.count - 1)))
        let (t0, c0) = ramp[k], (t1, c1) = ramp[k + 1]
        let f = (u - t0) / (t1 - t0)
        func channel(_ c: UInt32, _ shift: UInt32) -> Double { Double((c >> shift) & 0xff) }
        let rgb = [16, 8, 0].map { shift -> UInt32 in UInt32((channel(c0, UInt32(shift)) * (1 - f) + channel(c1, UInt32(shift)) * f).rounded()) }
        return Color(rgb: rgb[0] << 16 | rgb[1] << 8 | rgb[2])
    }

    /// Marching squares over the grid points (z[j][i] at x[i], y[j]): the segments where the
    /// bilinear surface crosses `level`, with linear interpolation along each cell edge (in the
    /// axis' scale, so that a contour between log-spaced points lies where it is drawn).
    static func contour(_ z: [[Double]], x: [Double], y: [Double], level: Double, log: (Bool, Bool)) -> [(DataPoint, DataPoint)] {
        func mapX(_ v: Double) -> Double { log.0 ? Foundation.log(v) : v }
        func mapY(_ v: Double) -> Double { log.1 ? Foundation.log(v) : v }
        func unmapX(_ v: Double) -> Double { log.0 ? Foundation.exp(v) : v }
        func unmapY(_ v: Double) -> Double { log.1 ? Foundation.exp(v) : v }
        var segments: [(DataPoint, DataPoint)] = []
        guard x.count > 1, y.count > 1 else { return [] }
        for j in 0..<(y.count - 1) {
            for i in 0..<(x.count - 1) {
                // Corners counter-clockwise: (i, j), (i+1, j), (i+1, j+1), (i, j+1).
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                let values = corners.map { z[$0.1][$0.0] }
                guard values.allSatisfy(\.isFinite) else { continue }
                var crossings: [DataPoint] = []
                for edge in 0..<4 {
                    let a = corners[edge], b = corners[(edge + 1) % 4]
                    let za = values[edge], zb = values[(edge + 1) % 4]
                    guard (za < level) != (zb < level) else { continue }
                    let f = (level - za) / (zb - za)
                    let px = mapX(x[a.0]) + f * (mapX(x[b.0]) - mapX(x[a.0]))
                    let py = mapY(y[a.1]) + f * (mapY(y[b.1]) - mapY(y[a.1]))
                    crossings.append(DataPoint(unmapX(px), unmapY(py)))
                }
                if crossings.count == 2 { segments.append((crossings[0], crossings[1])) }
                if crossings.count == 4 {
                    segments.append((crossings[0], crossings[1]))
                    segments.append((crossings[2], crossings[3]))
                }
            }
        }
        return segments
    }
}

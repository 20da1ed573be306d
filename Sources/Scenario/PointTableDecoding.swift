import Physics

/// A table of points such as `[{mass: 125 MeV, acceptance: 0.1}, ...]` or
/// `[{energy: 1 GeV, inefficiency: 1e-3}, ...]`: an abscissa with a unit, strictly increasing,
/// and a fraction in [0, 1] at each point (interpolated linearly by the consumer).
struct PointTableDecoding {
    var xKey: String
    var xDimension: Quantity.Dimension
    var xExpected: String
    var yKey: String
    var yExpected: String

    /// The points' abscissae (canonical units) and fractions, or nil after reporting.
    func decode(_ elements: [SourceNode], listNode: SourceNode, log: DiagnosticLog) -> (xs: [Double], ys: [Double])? {
        let tableExpected = "a non-empty list of points {\(xKey): …, \(yKey): …}"
        guard !elements.isEmpty else {
            log.report(listNode, "the list is empty", expected: tableExpected)
            return nil
        }
        var xs: [Double] = [], ys: [Double] = []
        var valid = true
        var previous: (x: Double, node: SourceNode)?
        for element in elements {
            guard let reader = MappingReader(element, allowedKeys: [xKey, yKey], expected: "a point {\(xKey): …, \(yKey): …}", log: log) else {
                valid = false
                continue
            }
            let xNode = reader.required(xKey, expected: xExpected)
            let x = xNode.flatMap { ValueDecoding.quantity($0, xDimension, range: .nonNegative, expected: xExpected, log: log) }
            let y = reader.required(yKey, expected: yExpected).flatMap {
                ValueDecoding.number($0, range: .fraction, expected: yExpected, log: log)
            }
            guard let x, let y, let xNode else { valid = false; continue }
            if let previous, x <= previous.x {
                log.report(xNode, "'\(xNode.scalar?.quotedForMessage ?? "")' does not increase from the previous point (line \(previous.node.position.line))",
                           expected: "points in strictly increasing \(xKey)")
                valid = false
            }
            previous = (x, xNode)
            xs.append(x)
            ys.append(y)
        }
        return valid ? (xs, ys) : nil
    }
}

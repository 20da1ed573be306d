import Physics

/// A table of points such as `[{mass: 125 MeV, acceptance: 0.1}, ...]` or
/// `[{energy: 1 GeV, inefficiency: 1e-3}, ...]`: an abscissa with a unit, strictly increasing,
/// and a fraction in [0, 1] at each point (interpolated linearly by the consumer) — or, with
/// `yDimension`, a quantity with a unit in `yRange`, e.g. `[{mass: 200 MeV, sigma: 1.2e-3 GeV^2}]`.
struct PointTableDecoding {
    var xKey: String
    var xDimension: Quantity.Dimension
    var xExpected: String
    var yKey: String
    var yExpected: String
    /// The ordinate's unit dimension; nil: a plain number.
    var yDimension: Quantity.Dimension? = nil
    var yRange: ValueRange = .fraction
    /// The fewest points the table takes.
    var minimumCount = 1

    /// The points' abscissae (canonical units) and fractions, or nil after reporting.
    func decode(_ elements: [SourceNode], listNode: SourceNode, log: DiagnosticLog) -> (xs: [Double], ys: [Double])? {
        let tableExpected = "a non-empty list of points {\(xKey): …, \(yKey): …}"
        guard !elements.isEmpty else {
            log.report(listNode, "the list is empty", expected: tableExpected)
            return nil
        }
        guard elements.count >= minimumCount else {
            log.report(listNode, "the list has \(elements.count) point\(elements.count == 1 ? "" : "s")",
                       expected: "a list of at least \(minimumCount) points {\(xKey): …, \(yKey): …}")
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
            let y = reader.required(yKey, expected: yExpected).flatMap { node -> Double? in
                if let yDimension { return ValueDecoding.quantity(node, yDimension, range: yRange, expected: yExpected, log: log) }
                return ValueDecoding.number(node, range: yRange, expected: yExpected, log: log)
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

/// A point in data coordinates (the units of the axes, whatever they are).
public struct DataPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A point on the page, in points (1/72 in), y growing downwards as in cairo.
public struct PagePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether the point lies inside `polygon` by the even–odd rule (for a region's fill, a
    /// polygon that does not cross itself, the same as cairo's winding rule).
    func isInside(_ polygon: [PagePoint]) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            if (a.y > y) != (b.y > y), x < a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
            j = i
        }
        return inside
    }
}

/// An axis-aligned rectangle on the page, in points, y growing downwards.
public struct PageRect: Sendable, Hashable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var maxX: Double { x + width }
    public var minY: Double { y }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func contains(_ p: PagePoint) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// True when the interiors overlap (touching edges do not count).
    public func intersects(_ other: PageRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// True when `other` lies entirely inside this rectangle (edges may touch).
    public func contains(_ other: PageRect) -> Bool {
        other.minX >= minX - 1e-9 && other.maxX <= maxX + 1e-9
            && other.minY >= minY - 1e-9 && other.maxY <= maxY + 1e-9
    }

    /// The rectangle grown by `d` on every side (shrunk for negative `d`).
    public func insetBy(_ d: Double) -> PageRect {
        PageRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    public func outsetBy(_ d: Double) -> PageRect { insetBy(-d) }

    public var description: String {
        func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }
        return "(\(f(x)), \(f(y)), \(f(width))×\(f(height)))"
    }
}

/// A corner (or edge midpoint) of a plot area, used to place legends and labels.
public enum Corner: String, Sendable, Hashable, CaseIterable {
    case topLeft, topRight, bottomLeft, bottomRight
    case topCenter, bottomCenter, centerLeft, centerRight

    /// Where a box of `size` sits in `area` at this corner, `inset` points from the frame.
    func place(width: Double, height: Double, in area: PageRect, inset: Double) -> PageRect {
        let left = area.minX + inset
        let right = area.maxX - inset - width
        let top = area.minY + inset
        let bottom = area.maxY - inset - height
        let midX = area.midX - width / 2
        let midY = area.midY - height / 2
        switch self {
        case .topLeft: return PageRect(x: left, y: top, width: width, height: height)
        case .topRight: return PageRect(x: right, y: top, width: width, height: height)
        case .bottomLeft: return PageRect(x: left, y: bottom, width: width, height: height)
        case .bottomRight: return PageRect(x: right, y: bottom, width: width, height: height)
        case .topCenter: return PageRect(x: midX, y: top, width: width, height: height)
        case .bottomCenter: return PageRect(x: midX, y: bottom, width: width, height: height)
        case .centerLeft: return PageRect(x: left, y: midY, width: width, height: height)
        case .centerRight: return PageRect(x: right, y: midY, width: width, height: height)
        }
    }
}

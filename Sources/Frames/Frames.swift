/// Frames: pages of positioned items, the hand-off between layout and the backends.
///
/// Takes nothing; gives the value types that the layout engines produce and that every
/// exporter only reads: `Page`, `PageItem` (filled rects, rules, outlined boxes, glyph runs),
/// `GlyphRun` and `FaceRef`. Coordinates are PostScript points with the origin at the top left
/// of the page and y growing downwards.

/// A point on a page, in points (1/72 inch).
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A rectangle on a page: its top-left corner and its size, in points.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// An sRGB colour with components from 0 to 1.
public struct Color: Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public init(red: Double, green: Double, blue: Double) {
        self.red = red; self.green = green; self.blue = blue
    }
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
}

/// A page size in points.
public struct PageSize: Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }

    public static let a4Portrait = PageSize(width: 595.2756, height: 841.8898)
    public static let a4Landscape = PageSize(width: 841.8898, height: 595.2756)
}

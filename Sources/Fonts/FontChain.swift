import Frames

/// Where a face of a chain came from.
public enum FaceOrigin: String, Sendable {
    /// Listed in the user's Fonts/fonts.json.
    case manifest
    /// Installed, found by fontconfig under one of the role's default families.
    case installed
    /// Borrowed from another role's chain, for characters the role's own faces lack.
    case fallback
}

/// The faces that print one role at one weight, in order: a character is printed by the
/// first face that has it.
public struct FontChain {
    public struct Link {
        public let face: FontFace
        public let origin: FaceOrigin
    }

    public let role: FontRole
    public let weight: FontWeight
    public let links: [Link]

    public var faces: [FontFace] { links.map(\.face) }

    /// The index of the first face that has `scalar`, or nil if none has it.
    public func faceIndex(for scalar: Unicode.Scalar) -> Int? {
        links.firstIndex { $0.face.covers(scalar) }
    }
}

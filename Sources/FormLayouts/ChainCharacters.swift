import Fonts
import Frames
import TextLayout

/// The characters each font chain will print, gathered form by form before any is typeset, so
/// fonts can be cut ahead; which face of a chain prints a character is settled once, at the
/// end (`faces(in:)`), not for every form.
public struct ChainCharacters: Sendable {
    private var byChain: [FontChainKey: ScalarSet] = [:]

    public init() {}

    mutating func insert(_ text: String, printedWith style: TextStyle) {
        byChain[FontChainKey(role: style.role, weight: style.weight), default: ScalarSet()].insert(contentsOf: text)
    }

    public mutating func formUnion(_ other: ChainCharacters) {
        byChain.merge(other.byChain) { $0.union($1) }
    }

    /// The characters of each face. Marks and characters no face has go to the chain's first
    /// face: a little more than needed is harmless.
    public func faces(in fonts: FontLibrary) throws -> [FaceRef: Set<Unicode.Scalar>] {
        var result: [FaceRef: Set<Unicode.Scalar>] = [:]
        for (key, scalars) in byChain {
            let chain = try fonts.chain(key.role, weight: key.weight)
            var perFace = Array(repeating: Set<Unicode.Scalar>(), count: chain.faces.count)
            for scalar in scalars.elements { perFace[chain.faceIndex(for: scalar) ?? 0].insert(scalar) }
            for (index, scalars) in perFace.enumerated() where !scalars.isEmpty {
                result[chain.faces[index].ref, default: []].formUnion(scalars)
            }
        }
        return result
    }
}

/// A role and weight: which font chain a text style prints with.
struct FontChainKey: Hashable, Sendable {
    let role: FontRole
    let weight: FontWeight
}

/// A set of Unicode scalars that is cheap to fill from text: a bit for each scalar of the Basic
/// Multilingual Plane (8 KB, where nearly all Chinese text lies) and a hashed set for the rest,
/// so adding a character is a shift and an or, not a hash.
struct ScalarSet: Sendable {
    private var plane = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var beyond: Set<Unicode.Scalar> = []

    mutating func insert(contentsOf text: String) {
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x10000 {
                plane[value >> 6] |= 1 << UInt64(value & 63)
            } else {
                beyond.insert(scalar)
            }
        }
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        var result = self
        for index in plane.indices { result.plane[index] |= other.plane[index] }
        result.beyond.formUnion(other.beyond)
        return result
    }

    /// Every scalar in the set, those of the plane in order.
    var elements: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for (index, word) in plane.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                if let scalar = Unicode.Scalar(UInt32(index << 6 + bit)) { result.append(scalar) }
                bits &= bits - 1
            }
        }
        return result + beyond
    }
}

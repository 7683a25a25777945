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
        var set = byChain.removeValue(forKey: FontChainKey(role: style.role, weight: style.weight)) ?? ScalarSet()
        set.insert(contentsOf: text)
        if text.unicodeScalars.contains("\t") { set.insert(" ") }  // a tab prints as a space
        byChain[FontChainKey(role: style.role, weight: style.weight)] = set
    }

    public mutating func formUnion(_ other: ChainCharacters) {
        byChain.merge(other.byChain) { $0.union($1) }
    }

    /// The characters of each face; characters no face has go to the chain's first face (a
    /// little more than needed is harmless). Marks are shaped by their base's face, so they go
    /// to every face, with what HarfBuzz may compose them into there (e + ◌́ → é).
    public func faces(in fonts: FontLibrary) throws -> [FaceRef: Set<Unicode.Scalar>] {
        var result: [FaceRef: Set<Unicode.Scalar>] = [:]
        for (key, scalars) in byChain {
            let chain = try fonts.chain(key.role, weight: key.weight)
            var perFace = Array(repeating: Set<Unicode.Scalar>(), count: chain.faces.count)
            let characters = scalars.elements
            for scalar in characters { perFace[chain.faceIndex(for: scalar) ?? 0].insert(scalar) }
            let marks = characters.filter(\.staysWithPreviousFace)
            if !marks.isEmpty {
                // HarfBuzz draws a joiner or a variation selector a face does not use as that
                // face's space glyph.
                for index in perFace.indices where !perFace[index].isEmpty {
                    perFace[index] = CanonicalComposition.closure(of: perFace[index].union(marks).union([" "]), marks: marks)
                }
            }
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

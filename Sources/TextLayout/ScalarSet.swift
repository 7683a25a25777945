/// A set of characters tested without hashing: the break rules test every character of every
/// paragraph against several sets. One bit per character of the Basic Multilingual Plane;
/// characters beyond it (none of the rules' marks) are kept in a plain set.
struct ScalarSet {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var beyond: Set<Unicode.Scalar> = []

    init(_ members: String) {
        for scalar in members.unicodeScalars {
            if scalar.value < 0x10000 {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                beyond.insert(scalar)
            }
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value < 0x10000 else { return beyond.contains(scalar) }
        return bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
    }
}

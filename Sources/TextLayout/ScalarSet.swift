/// A set of characters tested and filled without hashing: one bit per character of the Basic
/// Multilingual Plane (8 KB, where nearly all Chinese text lies), a plain set for the rest. The
/// break rules test every character of every paragraph against several; the survey of a batch
/// gathers every character each font will print in one.
public struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var beyond: Set<Unicode.Scalar> = []

    public init() {}

    public init(_ members: String) { insert(contentsOf: members) }

    public mutating func insert(contentsOf text: String) {
        for scalar in text.unicodeScalars { insert(scalar) }
    }

    public mutating func insert(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x10000 {
            bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
        } else {
            beyond.insert(scalar)
        }
    }

    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value < 0x10000 else { return beyond.contains(scalar) }
        return bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
    }

    public func union(_ other: ScalarSet) -> ScalarSet {
        var result = self
        for index in bits.indices { result.bits[index] |= other.bits[index] }
        result.beyond.formUnion(other.beyond)
        return result
    }

    /// Every scalar in the set, those of the plane in order.
    public var elements: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for (index, word) in bits.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                if let scalar = Unicode.Scalar(UInt32(index << 6 + bit)) { result.append(scalar) }
                remaining &= remaining - 1
            }
        }
        return result + beyond
    }
}

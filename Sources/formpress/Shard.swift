import ArgumentParser

/// --shard K/N: the K-th of N contiguous slices of the forms.
struct Shard: Sendable {
    let index: Int
    let count: Int

    /// The shard `argument` names, or an error saying what K/N may be.
    static func parse(_ argument: String) throws -> Shard {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1_000_000, k >= 1, k <= n else {
            throw ValidationError("must be K/N, the K-th of N slices, with 1 ≤ K ≤ N ≤ 1000000 (e.g. 3/8)")
        }
        return Shard(index: k, count: n)
    }

    var description: String { "\(index)/\(count)" }

    func slice(of total: Int) -> Range<Int> {
        (total * (index - 1) / count)..<(total * index / count)
    }
}

import ArgumentParser

/// --shard K/N: the K-th of N contiguous slices of the forms.
struct Shard: ExpressibleByArgument, Sendable {
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1_000_000, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    var description: String { "\(index)/\(count)" }

    func slice(of total: Int) -> Range<Int> {
        (total * (index - 1) / count)..<(total * index / count)
    }
}

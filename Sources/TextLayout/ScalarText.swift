extension String {
    /// The text of `scalars`, encoded as UTF-8 in one pass. (Appending scalars one at a time to
    /// a `String.UnicodeScalarView` costs hundreds of instructions each: lines and runs are
    /// built from scalars for every text laid out.)
    init(scalars: some Collection<Unicode.Scalar>) {
        let capacity = scalars.reduce(0) { $0 + UTF8.width($1) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}

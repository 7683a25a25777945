/// The four-letter tag of an OpenType table, feature or language system ("GSUB", "CFF ",
/// "dflt") as a number.
public func openTypeTag(_ name: String) -> UInt32 {
    name.utf8.reduce(0) { $0 << 8 | UInt32($1) }
}

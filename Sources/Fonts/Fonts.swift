/// Fonts: which font faces print each role, and the thin owner of every HarfBuzz and
/// fontconfig pointer.
///
/// Takes the user's `Fonts/fonts.json` manifest and the fonts fontconfig knows; gives, per
/// role and weight, a `FontChain` of `FontFace`s (first face first, per-glyph fallback after),
/// shaping of text runs with HarfBuzz, and font subsets for embedding (hb-subset).
/// No C type leaves this module.

/// The four type roles of Chinese official forms.
public enum FontRole: String, CaseIterable, Sendable, Codable {
    /// 宋体: body text.
    case song
    /// 黑体: titles and headings.
    case hei
    /// 仿宋.
    case fangsong
    /// 楷体.
    case kai

    /// The role's Chinese name, as users and printed forms call it.
    public var chineseName: String {
        switch self {
        case .song: return "宋体"
        case .hei: return "黑体"
        case .fangsong: return "仿宋"
        case .kai: return "楷体"
        }
    }

    /// Reads a role from its English or Chinese name ("song", "宋体", "仿宋_GB2312" is not a role).
    public init?(name: String) {
        if let role = FontRole(rawValue: name.lowercased()) { self = role; return }
        guard let role = FontRole.allCases.first(where: { $0.chineseName == name }) else { return nil }
        self = role
    }
}

/// The weight a role is printed in.
public enum FontWeight: String, CaseIterable, Sendable, Codable {
    case regular
    case bold
}

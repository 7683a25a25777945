import Foundation

/// The repository's folders, found from this file (tests run from any working directory).
public enum Repository {
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    public static let examples = folder + "/Examples"
}

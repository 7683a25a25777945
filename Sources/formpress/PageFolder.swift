import FoundationEssentials
import Glibc

/// The folder of PNG or SVG pages (page-001.png …). The pages are written into a new folder
/// beside it and moved into place once all are written: a failure leaves nothing behind, and
/// the pages of an earlier run into the same folder (more of them, say) are replaced as a
/// whole, never mixed with these. Other files in the folder are left alone.
struct PageFolder {
    let target: String
    let fileExtension: String
    private let staging: String
    private(set) var count = 0

    init(target: String, fileExtension: String) throws {
        var isFolder = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder {
            throw InputError(file: target, problem: "is a file; name a folder for the pages")
        }
        let url = URL(fileURLWithPath: target).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        self.target = target
        self.fileExtension = fileExtension
        staging = parent + "/.\(url.lastPathComponent).partial-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw InputError(file: target, problem: "cannot create the output folder")
        }
    }

    /// Where the next page goes.
    mutating func nextPage() -> String {
        count += 1
        return staging + "/" + Self.name(count, of: nil, fileExtension)
    }

    /// Moves the pages into place, replacing the pages an earlier run left there.
    func commit() throws {
        let manager = FileManager.default
        // Numbers as wide as the last page's, so that the names sort in page order.
        if count > 999 {
            for page in 1...count {
                try move(staging + "/" + Self.name(page, of: nil, fileExtension), to: staging + "/" + Self.name(page, of: count, fileExtension))
            }
        }
        guard manager.fileExists(atPath: target) else {
            return try move(staging, to: target)
        }
        for old in (try? manager.contentsOfDirectory(atPath: target)) ?? [] where Self.isPageName(old, fileExtension) {
            unlink(target + "/" + old)
        }
        for page in try manager.contentsOfDirectory(atPath: staging) {
            try move(staging + "/" + page, to: target + "/" + page)
        }
        rmdir(staging)
    }

    /// Removes what was written.
    func abort() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func move(_ from: String, to destination: String) throws {
        guard rename(from, destination) == 0 else {
            throw InputError(file: destination, problem: "cannot move the pages into place (\(String(cString: strerror(errno))))")
        }
    }

    /// "page-007.png"; with `last`, numbered as wide as `last`.
    private static func name(_ page: Int, of last: Int?, _ fileExtension: String) -> String {
        "page-" + zeroPadded(page, max(3, String(last ?? 0).count)) + "." + fileExtension
    }

    /// Whether `name` is a page's name: page-, three digits or more, the extension.
    private static func isPageName(_ name: String, _ fileExtension: String) -> Bool {
        guard name.hasPrefix("page-"), name.hasSuffix("." + fileExtension) else { return false }
        let digits = name.dropFirst(5).dropLast(fileExtension.count + 1)
        return digits.count >= 3 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}

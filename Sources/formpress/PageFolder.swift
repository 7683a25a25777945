import FoundationEssentials
import Glibc

/// The folder of PNG or SVG pages (page-001.png …). The pages are written into a hidden folder
/// and moved into place once all are written: a failure leaves the folder as it was, and the
/// pages of an earlier run there are replaced, never mixed with these. The hidden folder is
/// made inside the target when it exists (so each page moves in by one rename, which replaces
/// the old page of its name, on the same file system whatever is mounted there), beside it
/// otherwise. Files in the folder that are not pages are left alone.
struct PageFolder {
    let target: String
    let fileExtension: String
    private let staging: String
    /// Whether the target existed: then the pages move into it one by one, else the staging
    /// folder becomes the target.
    private let targetExists: Bool
    /// The folders above a new target that this run made.
    private let parents: NewFolders
    private(set) var count = 0

    init(target: String, fileExtension: String) throws {
        var isFolder = false
        targetExists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        if targetExists, !isFolder { throw InputError(file: target, problem: "is a file; name a folder for the pages") }
        let url = URL(fileURLWithPath: target).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        parents = targetExists ? NewFolders() : try NewFolders(making: parent)
        do {
            staging = try Self.makeFolder(named: (targetExists ? target + "/.pages" : parent + "/.\(url.lastPathComponent)") + ".partial-",
                                          for: target)
        } catch {
            parents.removeEmpty()
            throw error
        }
        self.target = target
        self.fileExtension = fileExtension
    }

    /// Where the next page goes.
    mutating func nextPage() -> String {
        count += 1
        return staging + "/" + Self.name(count, of: nil, fileExtension)
    }

    /// Moves the pages into place, then removes the pages an earlier run left beyond these.
    func commit() throws {
        // Numbers as wide as the last page's, so that the names sort in page order.
        let width = max(3, String(count).count)
        if width > 3 {
            for page in 1...count {
                try move(staging + "/" + Self.name(page, of: nil, fileExtension), to: staging + "/" + Self.name(page, of: count, fileExtension))
            }
        }
        guard targetExists else { return try move(staging, to: target) }
        let names = (0..<count).map { Self.name($0 + 1, of: count, fileExtension) }
        // A folder where a page goes would stop the moves half way, with the folder's pages
        // mixed: it is found before any page moves.
        for name in names where Self.isFolder(target + "/" + name) {
            throw InputError(file: target + "/" + name, problem: "is a folder: a page cannot take its place; nothing was moved")
        }
        for name in names { try move(staging + "/" + name, to: target + "/" + name) }
        rmdir(staging)
        let written = Set(names)
        for old in (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        where Self.isPageName(old, fileExtension) && !written.contains(old) && !Self.isFolder(target + "/" + old) {
            guard unlink(target + "/" + old) == 0 else {
                throw InputError(file: target + "/" + old, problem: "a page of an earlier run cannot be removed (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// A new folder `prefix` and a random suffix. Not `mkdtemp`, whose folders only their owner
    /// may read: a new page folder keeps the staging folder's mode, and should have the mode
    /// any folder made here has (pages for public disclosure are served from such folders).
    private static func makeFolder(named prefix: String, for target: String) throws -> String {
        for _ in 0..<100 {
            let path = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            if mkdir(path, 0o777) == 0 { return path }
            guard errno == EEXIST else { break }
        }
        throw InputError(file: target, problem: "cannot write into the folder (\(String(cString: strerror(errno))))")
    }

    /// Removes what was written.
    func abort() {
        try? FileManager.default.removeItem(atPath: staging)
        parents.removeEmpty()
    }

    private func move(_ from: String, to destination: String) throws {
        guard rename(from, destination) == 0 else {
            throw InputError(file: destination, problem: "cannot move the pages into place (\(String(cString: strerror(errno))))")
        }
    }

    /// Whether `path` is a folder itself (not a link to one).
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// "page-007.png"; with `last`, numbered as wide as `last`.
    private static func name(_ page: Int, of last: Int?, _ fileExtension: String) -> String {
        "page-" + zeroPadded(page, max(3, String(last ?? 0).count)) + "." + fileExtension
    }

    /// Whether `path` is in `folder` under a page's name, where a page would replace it.
    static func holdsAPage(named path: String, folder: String, fileExtension: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        return isPageName(url.lastPathComponent, fileExtension) && sameFile(url.deletingLastPathComponent().path, folder)
    }

    /// Whether `name` is a page's name: page-, three digits or more, the extension.
    private static func isPageName(_ name: String, _ fileExtension: String) -> Bool {
        guard name.hasPrefix("page-"), name.hasSuffix("." + fileExtension) else { return false }
        let digits = name.dropFirst(5).dropLast(fileExtension.count + 1)
        return digits.count >= 3 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}

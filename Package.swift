// swift-tools-version:6.0
import PackageDescription

/// A C library reached through pkg-config: a module map and a shim header under Sources/CBridges.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, path: "Sources/CBridges/\(name)", pkgConfig: pkgConfig,
                   providers: [.apt([apt])])
}

let package = Package(
    name: "formpress",
    products: [
        .library(name: "Formpress", targets: ["StrictJSON", "Forms", "FormLayouts", "Frames", "Fonts", "TextLayout", "TableLayout", "CairoBackend"]),
        .executable(name: "formpress", targets: ["formpress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        systemLibrary("CCairo", pkgConfig: "cairo-ft", apt: "libcairo2-dev"),
        systemLibrary("CFreeType", pkgConfig: "freetype2", apt: "libfreetype-dev"),
        systemLibrary("CHarfBuzz", pkgConfig: "harfbuzz", apt: "libharfbuzz-dev"),
        systemLibrary("CHarfBuzzSubset", pkgConfig: "harfbuzz-subset", apt: "libharfbuzz-dev"),
        systemLibrary("CFontconfig", pkgConfig: "fontconfig", apt: "libfontconfig1-dev"),
        systemLibrary("CZlib", pkgConfig: "zlib", apt: "zlib1g-dev"),
        .target(name: "CLineBreak", path: "Sources/CBridges/CLineBreak",
                linkerSettings: [.linkedLibrary("icuuc")]),
        .target(name: "CThreadStart", path: "Sources/CBridges/CThreadStart"),
        .target(name: "CFontDeflate", dependencies: ["CZlib"], path: "Sources/CBridges/CFontDeflate"),
        .target(name: "CCairoNumbers", path: "Sources/CBridges/CCairoNumbers"),

        .target(name: "Frames"),
        .target(name: "Threads", dependencies: ["CThreadStart"]),
        .target(name: "Fonts", dependencies: ["Frames", "StrictJSON", "CHarfBuzz", "CHarfBuzzSubset", "CFontconfig"]),
        .target(name: "TextLayout", dependencies: ["Frames", "Fonts", "CLineBreak"]),
        .target(name: "TableLayout", dependencies: ["Frames", "TextLayout"]),
        .target(name: "StrictJSON"),
        .target(name: "Forms", dependencies: ["StrictJSON"]),
        .target(name: "FormLayouts", dependencies: ["Forms", "StrictJSON", "Fonts", "TextLayout", "TableLayout", "Frames"]),
        .target(name: "CairoBackend",
                dependencies: ["Frames", "Fonts", "Threads", "CCairo", "CFreeType", "CHarfBuzz", "CZlib", "CFontDeflate", "CCairoNumbers"]),
        .executableTarget(name: "formpress", dependencies: [
            "Forms", "FormLayouts", "Fonts", "TextLayout", "TableLayout", "CairoBackend", "Threads", "StrictJSON",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["Fonts", "Frames"], path: "Tests/TestSupport"),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON", "TestSupport"]),
        .testTarget(name: "FormsTests", dependencies: ["Forms", "TestSupport"]),
        .testTarget(name: "FontsTests", dependencies: ["Fonts", "TestSupport"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout", "Fonts", "Frames", "TestSupport"]),
        .testTarget(name: "TableLayoutTests",
                    dependencies: ["TableLayout", "TextLayout", "Fonts", "Frames", "CairoBackend", "TestSupport"]),
        .testTarget(name: "FormLayoutsTests",
                    dependencies: ["FormLayouts", "Forms", "TableLayout", "TextLayout", "Fonts", "Frames", "CairoBackend", "TestSupport"]),
        .testTarget(name: "FormpressCLITests", dependencies: ["formpress", "TestSupport"]),
        .testTarget(name: "ThreadsTests", dependencies: ["Threads", "CThreadStart"]),
        .testTarget(name: "CairoBackendTests",
                    dependencies: ["CairoBackend", "CCairoNumbers", "TextLayout", "Fonts", "Frames", "TestSupport"]),
    ]
)

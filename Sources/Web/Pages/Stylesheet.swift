import Foundation

/// The site's stylesheet, `Resources/static/concordat.css`, served at `/styles.css`: NHS-style colours,
/// clear type, high contrast, large targets; no JavaScript.
enum Stylesheet {
    /// The stylesheet's file in the Web module's resources.
    static var file: URL { Bundle.module.resourceURL!.appendingPathComponent("static/concordat.css") }

    /// The stylesheet could not be read when the server started.
    struct Missing: Error, CustomStringConvertible {
        /// Where it was looked for.
        var file: URL

        /// The error in words.
        var description: String { "the stylesheet is missing: nothing can be read at \(file.path)" }
    }
}

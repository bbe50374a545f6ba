import Foundation
import Hummingbird
import Mustache

/// Renders page models through the Mustache templates and wraps them in the site layout.
///
/// Every template (``PageTemplate``) and the stylesheet are read from the module's resources once, when
/// the renderer is made: a missing or unparsable one stops the server starting, naming the file.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// The stylesheet served at `/styles.css`.
    let stylesheet: String

    /// Reads every template from `templates` and the stylesheet from `stylesheet`.
    /// - Throws: ``PageTemplate/Unreadable`` for a template missing or not valid Mustache;
    ///   ``Stylesheet/Missing`` when the stylesheet cannot be read.
    init(templates: URL = PageTemplate.folder, stylesheet: URL = Stylesheet.file) throws {
        var library = MustacheLibrary()
        for template in PageTemplate.allCases {
            let file = template.file(in: templates)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw PageTemplate.Unreadable(template: template, file: file, reason: "is missing")
            }
            var text = String(decoding: data, as: UTF8.self)
            // The file's final newline ends the file, not the template: the page is as it was in code.
            if text.hasSuffix("\n") { text.removeLast() }
            do {
                library.register(try MustacheTemplate(string: text), named: template.rawValue)
            } catch {
                throw PageTemplate.Unreadable(template: template, file: file, reason: "is not valid Mustache: \(error)")
            }
        }
        guard let css = FileManager.default.contents(atPath: stylesheet.path) else {
            throw Stylesheet.Missing(file: stylesheet)
        }
        self.library = library
        self.stylesheet = String(decoding: css, as: UTF8.self)
    }

    /// `model` rendered with `template` alone, without the layout (every template is registered, so
    /// this answers text for each).
    func render(_ template: PageTemplate, model: Any) -> String {
        library.render(model, withTemplate: template.rawValue) ?? ""
    }

    /// A full HTML page: `model` rendered with `template`, inside the layout.
    func page(
        _ template: PageTemplate, title: String, systemName: String, breadcrumb: [Crumb] = [], model: Any,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let content = render(template, model: model)
        let session = SignedIn.current
        let layout = LayoutModel(
            title: title, systemName: systemName, hasBreadcrumb: !breadcrumb.isEmpty, breadcrumb: breadcrumb,
            content: content, signedIn: session != nil,
            userLabel: session.map {
                "\($0.user.username) (\($0.user.role.rawValue.replacingOccurrences(of: "-", with: " ")))"
            }
                ?? "",
            csrf: session?.csrf ?? "")
        let html = render(.layout, model: layout)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// An HTML page for a problem, with the problem's status.
    func errorPage(_ problem: Problem) -> Response {
        page(PageTemplate.error, title: problem.title, systemName: "", model: problem, status: problem.status)
    }
}

/// One step of a breadcrumb; the last has no link.
struct Crumb: Sendable {
    var name: String
    var href: String?
}

private struct LayoutModel {
    var title: String
    var systemName: String
    var hasBreadcrumb: Bool
    var breadcrumb: [Crumb]
    var content: String
    var signedIn: Bool
    var userLabel: String
    var csrf: String
}

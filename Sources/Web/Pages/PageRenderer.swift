import Hummingbird
import Mustache

/// Renders page models through the Mustache templates and wraps them in the site layout.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            library.register(try MustacheTemplate(string: text), named: name)
        }
        self.library = library
    }

    /// A full HTML page: `model` rendered with `template`, inside the layout.
    func page(
        _ template: String, title: String, systemName: String, breadcrumb: [Crumb] = [], model: Any,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let content = library.render(model, withTemplate: template) ?? ""
        let session = SignedIn.current
        let layout = LayoutModel(
            title: title, systemName: systemName, hasBreadcrumb: !breadcrumb.isEmpty, breadcrumb: breadcrumb,
            content: content, signedIn: session != nil,
            userLabel: session.map {
                "\($0.user.username) (\($0.user.role.rawValue.replacingOccurrences(of: "-", with: " ")))"
            }
                ?? "",
            csrf: session?.csrf ?? "")
        let html = library.render(layout, withTemplate: "layout") ?? content
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// An HTML page for a problem, with the problem's status.
    func errorPage(_ problem: Problem) -> Response {
        page(
            "error", title: problem.title, systemName: "", model: problem,
            status: HTTPResponse.Status(code: problem.status))
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

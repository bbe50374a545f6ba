import Hummingbird

/// Links between the pages of a long list, for templates: "Decisions 21–40 of 250", newer and older.
struct Pager: Sendable {
    // Stored, not computed: Mustache reads models by reflection.
    var summary: String
    var hasNewer: Bool
    var newerHref: String
    var hasOlder: Bool
    var olderHref: String
    var isPaged: Bool

    /// The pager for `page` (from 1) of `total` items, `perPage` to a page, at `path?page=N`.
    init(page: Int, perPage: Int, total: Int, path: String) {
        let first = (page - 1) * perPage + 1
        let last = min(total, page * perPage)
        summary = first <= last ? "\(first)–\(last) of \(total), the most recent first" : "No more: there are \(total)"
        hasNewer = page > 1
        newerHref = page == 2 ? path : "\(path)?page=\(page - 1)"
        hasOlder = page * perPage < total
        olderHref = "\(path)?page=\(page + 1)"
        isPaged = total > perPage || page > 1
    }

    /// The highest page number a request may ask for: a million pages, far beyond any list here, and
    /// small enough that no page's first and last item numbers can overflow.
    static let maximumPage = 1_000_000

    /// The page a request asks for with `?page=N` (1 when it names none).
    /// - Throws: a 400 problem naming `page` when it is not a whole number from 1 to ``maximumPage``.
    static func page(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters.get("page") else { return 1 }
        guard let page = Int(text), (1...maximumPage).contains(page) else {
            throw Problem.invalidRequest(
                "there is no such page",
                invalidParams: [.init(name: "page", reason: "must be a whole number from 1 to \(maximumPage)")])
        }
        return page
    }
}

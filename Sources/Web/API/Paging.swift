import Foundation
import Hummingbird

/// `?limit=&offset=` on a list, checked: a page of a long list, so that no response grows without bound.
struct Paging: Sendable, Equatable {
    /// How many items at most.
    var limit: Int
    /// How many items to skip.
    var offset: Int

    /// The paging a request asks for, with `defaultLimit` when it names none.
    /// - Throws: a 400 problem naming `limit` or `offset` when either is not a whole number in range.
    init(_ request: Request, defaultLimit: Int, maximumLimit: Int) throws {
        let query = request.uri.queryParameters
        var invalid: [Problem.InvalidParam] = []
        let limit = query.get("limit").map { Int($0) } ?? defaultLimit
        let offset = query.get("offset").map { Int($0) } ?? 0
        if limit == nil || !(1...maximumLimit).contains(limit!) {
            invalid.append(.init(name: "limit", reason: "must be a whole number from 1 to \(maximumLimit)"))
        }
        if offset == nil || offset! < 0 {
            invalid.append(.init(name: "offset", reason: "must be a whole number, 0 or more"))
        }
        guard invalid.isEmpty, let limit, let offset else {
            throw Problem.invalidRequest("the page asked for is not valid", invalidParams: invalid)
        }
        self.limit = limit
        self.offset = offset
    }

    /// The items of `all` on this page.
    func page<Item>(_ all: [Item]) -> ArraySlice<Item> {
        all.dropFirst(min(offset, all.count)).prefix(limit)
    }
}

/// A page of a list: its items, and where they sit in the whole.
struct PagedDocument<Item: Codable & Sendable>: ResponseCodable {
    var items: [Item]
    /// How many items the whole list has.
    var total: Int
    var limit: Int
    var offset: Int

    init(_ all: [Item], _ paging: Paging) {
        items = Array(paging.page(all))
        total = all.count
        limit = paging.limit
        offset = paging.offset
    }
}

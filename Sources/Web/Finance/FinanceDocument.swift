import Foundation
import Hummingbird
import Partnership

/// A finance answer on the API, in the one JSON encoding the command line prints too (``FinanceJSON``),
/// so `GET /api/v1/allocation` and `concordat allocate --format json` give the same bytes.
struct FinanceDocument<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try FinanceJSON.encode(value))))
    }
}

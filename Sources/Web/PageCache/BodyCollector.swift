import HTTPTypes
import Hummingbird
import NIOCore

/// A response body written into one buffer, so the page cache can keep it.
final class BodyCollector: ResponseBodyWriter {
    /// The bytes written so far.
    private(set) var buffer = ByteBuffer()

    /// Appends `part`.
    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }

    /// Ends the body (trailers are not kept: pages have none).
    func finish(_ trailingHeaders: HTTPFields?) async throws {}

    /// The whole of `body`.
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.buffer
    }
}

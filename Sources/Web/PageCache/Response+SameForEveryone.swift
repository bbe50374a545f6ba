import HTTPTypes
import Hummingbird

extension Response {
    /// This answer, declared the same for everyone who is not signed in: it depends only on stored data
    /// (and the day), never on who asks, on memory that a write does not change, or on the time of day.
    /// ``PageCacheMiddleware`` then keeps it, for anonymous requests, until the data version changes.
    /// Declare only pages (and their SVG) that meet this; the marker never leaves the server.
    func sameForEveryone() -> Response {
        var response = self
        response.headers[.sameForEveryone] = "1"
        return response
    }
}

extension HTTPField.Name {
    /// The marker of ``Response/sameForEveryone()``: internal, removed before an answer is sent.
    static var sameForEveryone: Self { .init("Concordat-Same-For-Everyone")! }
}

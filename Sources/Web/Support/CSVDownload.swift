import Hummingbird
import Ingest

/// A table offered for download as CSV, so any table on a page can be taken into a spreadsheet.
///
/// Written by Concordat's one CSV writer (``CSVWriter``, as `concordat score` is): rows end with CRLF,
/// fields holding commas, quotes or line breaks are quoted with quotes doubled once (RFC 4180), and
/// cells are typed: a ``CSVCell/text(_:)`` cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a
/// leading `'` so a spreadsheet never runs it as a formula (OWASP CSV injection), while
/// ``CSVCell/number(_:)`` cells — negative ones too — stay numbers.
struct CSVDownload {
    var filename: String
    var header: [String]
    var rows: [[CSVCell]]

    var text: String {
        var writer = CSVWriter(header: header)
        for row in rows { try? writer.row(row) }
        return String(decoding: writer.written, as: UTF8.self)
    }

    var response: Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\"",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

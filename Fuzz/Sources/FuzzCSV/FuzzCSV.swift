import FuzzDriver
import Ingest

/// libFuzzer's entry: the input is a CSV file. The first byte picks the chunk size, so rows that straddle
/// chunk boundaries are explored too. Every field is read as text and as a number. A crash, a hang or an
/// error that does not name the file is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let chunkSize = 1 + Int(bytes.first ?? 0)
    let stream = CSVStream(bytes: Array(bytes.dropFirst()), file: "fuzz.csv", chunkSize: chunkSize)
    do {
        try stream.forEachRow(
            onHeader: { _ in },
            onRow: { row in
                for index in 0..<row.count {
                    _ = row.string(index)
                    _ = row.int(index)
                    _ = row.isEmpty(index)
                }
            })
    } catch let error as IngestError {
        precondition(error.file == "fuzz.csv", "an error that does not name the file: \(error)")
    } catch {
        preconditionFailure("an error that is not an IngestError: \(error)")
    }
    return 0
}

/// The executable's entry point: hands over to libFuzzer with this harness's input function.
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz(argc, argv, fuzzCSV)
}

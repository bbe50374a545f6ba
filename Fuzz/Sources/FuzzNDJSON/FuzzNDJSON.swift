import ConcordatCore
import Foundation
import FuzzDriver
import Ingest
import SystemPack

/// The Kent & Medway system the extracts are imported against, assembled once.
let kent = try! PackLoader.bundled("kent-medway").system()

/// A folder reused for every input.
let folder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-fuzz-ndjson-\(getpid())")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()

/// libFuzzer's entry: the input is split at the first NUL into a Patient and an Encounter NDJSON file and
/// imported whole. The import must end in a dataset with no errors, or no dataset and errors that name a
/// file and a line inside it. Anything else, or a crash, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNDJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let files = ["Patient.ndjson": Array(bytes[..<split]), "Encounter.ndjson": Array(bytes[min(split + 1, size)...])]
    for (name, content) in files { try! Data(content).write(to: folder.appendingPathComponent(name)) }
    let importer = DatasetImport(system: kent, extractDate: Day(year: 2026, month: 7, day: 1)!)
    let (dataset, report) = try! importer.run(directory: folder)
    if dataset != nil {
        precondition(report.errors.isEmpty, "a dataset loaded beside errors")
    } else {
        precondition(!report.errors.isEmpty, "refused without a reason")
        for error in report.errors {
            guard let content = files[error.file] else { preconditionFailure("an error in no file: \(error)") }
            if let line = error.line {
                let lines = content.split(separator: 0x0A, omittingEmptySubsequences: false).count
                precondition(line >= 1 && line <= lines, "an error outside the file: \(error)")
            }
        }
    }
    return 0
}

/// The executable's entry point: hands over to libFuzzer with this harness's input function.
@_cdecl("FuzzNDJSON_main")
public func fuzzNDJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz(argc, argv, fuzzNDJSON)
}

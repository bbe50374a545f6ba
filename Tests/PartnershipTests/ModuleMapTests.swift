import Foundation
import SystemPack
import Testing

/// The module map of `docs/ARCHITECTURE.md`, enforced: its table says which first-party modules each
/// module may import, and every source file is read to check it.
@Suite("The module map")
struct ModuleMapTests {
    /// The repository's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Module → the first-party modules it may import, read from the architecture document's table.
    static func allowed() throws -> [String: Set<String>] {
        let text = try String(
            contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        var map: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 3 else { continue }
            let names = { (cell: String) in
                Set(
                    cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
                        $0.offset % 2 == 1
                    }.map { String($0.element) })
            }
            guard let module = names(cells[1]).first, cells[1].hasPrefix("`"), !cells[1].contains("/") else {
                continue
            }
            map[module] = names(cells[2])
        }
        return map
    }

    /// Every `import` of each module's sources, with the file that makes it.
    static func imports() throws -> [String: [(file: String, module: String)]] {
        let sources = root.appendingPathComponent("Sources")
        var result: [String: [(String, String)]] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            let folder = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").map(String.init)
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                        words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "internal" })
                    else { continue }
                    result[module, default: []].append(("\(module)/\(path)", words[index + 1]))
                }
            }
        }
        return result
    }

    @Test("every module of Sources has a row in docs/ARCHITECTURE.md")
    func everyModuleIsMapped() throws {
        let map = try Self.allowed()
        let modules = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Sources").path)
        #expect(!map.isEmpty)
        for module in modules where !module.hasPrefix(".") {
            #expect(map[module] != nil, "Sources/\(module) has no row in docs/ARCHITECTURE.md's module map")
        }
    }

    @Test("no source file imports a first-party module its module's row does not allow")
    func importsFollowTheMap() throws {
        let map = try Self.allowed()
        let firstParty = Set(map.keys)
        let imports = try Self.imports()
        #expect(imports.values.joined().count > 100)
        for (module, uses) in imports {
            let allowed = map[module] ?? []
            for use in uses where firstParty.contains(use.module) && use.module != module {
                #expect(allowed.contains(use.module), "\(use.file) imports \(use.module), which \(module) may not")
            }
        }
    }

    /// What only one shipped pack names: its ICB or root code, places, districts, organisations,
    /// partners, pools and synthetic providers (what both packs name, such as `general-practice`, is
    /// Concordat's own vocabulary).
    static func particulars() throws -> [String: Set<String>] {
        var named: [String: Set<String>] = [:]
        for name in PackLoader.bundledNames {
            let pack = try PackLoader.bundled(name)
            var values: Set<String> = [pack.systemCode]
            values.formUnion(pack.places.map(\.code))
            values.formUnion(pack.places.flatMap(\.districts))
            values.formUnion(pack.areas.dropFirst().map(\.code))
            values.formUnion(pack.organisations.map(\.code))
            values.formUnion(pack.organisations.compactMap(\.odsCode))
            values.formUnion(pack.finance.partners.map(\.code))
            values.formUnion(pack.pools.map(\.code))
            values.formUnion(pack.synthetic?.providerCodes ?? [])
            named[name] = values
        }
        let shared = named.values.dropFirst().reduce(named.values.first ?? []) { $0.intersection($1) }
        return named.mapValues { $0.subtracting(shared) }
    }

    @Test("no Swift source names a shipped system's codes, places, districts or providers: systems are data")
    func noSystemInCode() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else {
            Issue.record("Sources cannot be read")
            return
        }
        let particulars = try Self.particulars()
        let systemCodes = try Dictionary(
            uniqueKeysWithValues: PackLoader.bundledNames.map { ($0, try PackLoader.bundled($0).systemCode) })
        #expect(
            particulars["kent-medway"]?.isSuperset(of: ["QKS", "east-kent", "Thanet", "RVV", "887", "HSPKM"]) == true)
        #expect(particulars["llr"]?.isSuperset(of: ["RWE", "LOROS"]) == true)
        var checked = 0
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            checked += 1
            // Code, not documentation: a comment may give an example.
            let code = text.split(separator: "\n").filter {
                !$0.drop { $0 == " " }.hasPrefix("//")
            }.joined(separator: "\n")
            // A system's code is named nowhere, not even in a comment: the pack is where it lives.
            let words = Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init))
            for (pack, code) in systemCodes.sorted(by: { $0.key < $1.key }) where words.contains(code) {
                Issue.record("Sources/\(path) names \(code), the system code of the \(pack) pack")
            }
            for (pack, values) in particulars.sorted(by: { $0.key < $1.key }) {
                for value in values.sorted() where code.contains("\"\(value)\"") {
                    Issue.record("Sources/\(path) names \"\(value)\", a particular of the \(pack) pack")
                }
            }
        }
        #expect(checked > 100)
    }
}

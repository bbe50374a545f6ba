extension SpendSummary {
    /// The keys of a stored summary: its months and people as they are, and its cells as a table of
    /// columns (`cellTable`), or, in summaries stored before the table, as one object per cell (`cells`).
    private enum StoredKeys: String, CodingKey {
        case months, people, cells, cellTable
    }

    /// The cells as columns, one entry per cell in order: the codes once each (`practices`, `settings`,
    /// `providers`, `cellMonths`), then each cell's position in them, its flags (1: a child, 2: aged 75 or
    /// over), pence and events. A full population's summary has tens of thousands of cells; as one
    /// keyed object each, reading them back was most of a server's start (8 MB of JSON, decoded key by
    /// key); as columns of numbers it is a fraction of that, and smaller.
    private struct CellTable: Codable {
        var practices: [String] = []
        var settings: [String] = []
        var providers: [String] = []
        var cellMonths: [String] = []
        var practice: [Int] = []
        var setting: [Int] = []
        var provider: [Int] = []
        var month: [Int] = []
        var flags: [Int] = []
        var pence: [Int64] = []
        var events: [Int?] = []

        init(_ cells: [Cell]) {
            var practices = CodeColumn()
            var settings = CodeColumn()
            var providers = CodeColumn()
            var months = CodeColumn()
            for cell in cells {
                practice.append(practices.position(of: cell.practice))
                setting.append(settings.position(of: cell.setting))
                provider.append(providers.position(of: cell.provider))
                month.append(months.position(of: cell.month))
                flags.append((cell.child ? 1 : 0) | (cell.aged75Plus ? 2 : 0))
                pence.append(cell.pence)
                events.append(cell.events)
            }
            (self.practices, self.settings, self.providers, cellMonths) =
                (practices.codes, settings.codes, providers.codes, months.codes)
        }

        /// The cells, after checking that every column has an entry per cell and every position names a code.
        func cells(codingPath: [any CodingKey]) throws -> [Cell] {
            let count = practice.count
            guard
                [setting.count, provider.count, month.count, flags.count, pence.count, events.count]
                    .allSatisfy({ $0 == count })
            else { throw Self.corrupt("the cell table's columns differ in length", codingPath) }
            func code(_ codes: [String], _ position: Int, _ column: String) throws -> String {
                guard codes.indices.contains(position) else {
                    throw Self.corrupt("the cell table's \(column) \(position) names no code", codingPath)
                }
                return codes[position]
            }
            return try (0..<count).map { row in
                guard (0...3).contains(flags[row]) else {
                    throw Self.corrupt("the cell table's flags \(flags[row]) are not 0–3", codingPath)
                }
                return Cell(
                    practice: try code(practices, practice[row], "practice"),
                    setting: try code(settings, setting[row], "setting"),
                    provider: try code(providers, provider[row], "provider"),
                    month: try code(cellMonths, month[row], "month"), child: flags[row] & 1 != 0,
                    aged75Plus: flags[row] & 2 != 0, pence: pence[row], events: events[row])
            }
        }

        private static func corrupt(_ description: String, _ codingPath: [any CodingKey]) -> DecodingError {
            .dataCorrupted(.init(codingPath: codingPath, debugDescription: description))
        }
    }

    /// Distinct codes in first-seen order, and where each one is.
    private struct CodeColumn {
        var codes: [String] = []
        var positions: [String: Int] = [:]

        mutating func position(of code: String) -> Int {
            if let known = positions[code] { return known }
            positions[code] = codes.count
            codes.append(code)
            return codes.count - 1
        }
    }

    /// Reads a summary stored with a cell table, or (stored before it) with a keyed object per cell.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StoredKeys.self)
        months = try container.decode([String].self, forKey: .months)
        people = try container.decodeIfPresent([String: PracticePeople].self, forKey: .people)
        if let table = try container.decodeIfPresent(CellTable.self, forKey: .cellTable) {
            cells = try table.cells(codingPath: container.codingPath + [StoredKeys.cellTable])
        } else {
            cells = try container.decode([Cell].self, forKey: .cells)
        }
    }

    /// Writes the summary with its cells as a table of columns.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StoredKeys.self)
        try container.encode(months, forKey: .months)
        try container.encodeIfPresent(people, forKey: .people)
        try container.encode(CellTable(cells), forKey: .cellTable)
    }
}

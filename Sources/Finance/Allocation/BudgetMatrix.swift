import ConcordatCore

/// Budgets held in the cells of a two-way table — place × care network, or area × service component —
/// where both margins must reconcile to the penny: each row adds up to its row's budget, each column
/// to its column's budget, and both to the control total.
///
/// Each row's budget is shared across the columns in proportion to the row's weights. The column budgets
/// are the control total split by the exact column sums with the largest remainder method; the cells are
/// the exact shares rounded down or up by *controlled rounding* (Cox, L.H. (1987), "A constructive
/// procedure for unbiased controlled rounding", *JASA* 82(398): 520–524): the pence left in each row after
/// rounding down go to cells chosen by a maximum flow so that every column also gets exactly its pence.
/// Every cell is within a penny of its exact share.
public struct BudgetMatrix: Sendable, Hashable, Codable {
    /// The row labels (e.g. place codes).
    public let rows: [String]
    /// The column labels (e.g. care networks).
    public let columns: [String]
    /// The cells, row by row, in pence.
    public let cells: [[Int64]]

    /// Why a matrix cannot be made.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// A row has a budget but no positive weight to share it by.
        case rowWithoutWeights(String)
        /// The weights are not one per column, or one is negative or not finite.
        case invalidWeights(String)
        /// A row's budget is negative.
        case negativeBudget(String)

        /// The reason in words.
        public var description: String {
            switch self {
            case .rowWithoutWeights(let row): "\(row) has a budget but no positive weight to share it by"
            case .invalidWeights(let row): "\(row)'s weights must be one non-negative number per column"
            case .negativeBudget(let row): "\(row)'s budget is negative"
            }
        }
    }

    /// Shares each row's budget across `columns` by that row's `weights`.
    ///
    /// - Parameters:
    ///   - rows: each row's label, budget and one weight per column (any scale; only proportions count).
    ///   - columns: the column labels.
    public init(rows: [(label: String, budget: Money, weights: [Double])], columns: [String]) throws(Problem) {
        self.rows = rows.map(\.label)
        self.columns = columns
        var exact: [[Double]] = []
        for row in rows {
            guard row.budget.pence >= 0 else { throw .negativeBudget(row.label) }
            guard row.weights.count == columns.count, row.weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw .invalidWeights(row.label)
            }
            let total = row.weights.reduce(0, +)
            if total <= 0 {
                guard row.budget.pence == 0 else { throw .rowWithoutWeights(row.label) }
                exact.append(row.weights.map { _ in 0 })
            } else {
                exact.append(row.weights.map { Double(row.budget.pence) * $0 / total })
            }
        }
        let grandTotal = Money(pence: rows.reduce(0) { $0 + $1.budget.pence })
        let columnExact = columns.indices.map { column in exact.reduce(0) { $0 + $1[column] } }
        let columnTotals =
            grandTotal.split(by: columnExact)?.map(\.pence) ?? columns.map { _ in 0 }
        cells = Self.round(exact: exact, rowTotals: rows.map(\.budget.pence), columnTotals: columnTotals)
    }

    /// Rounds `exact` to whole pence with the given margins (controlled rounding by maximum flow).
    static func round(exact: [[Double]], rowTotals: [Int64], columnTotals: [Int64]) -> [[Int64]] {
        var cells = exact.map { $0.map { Int64($0.rounded(.down)) } }
        let rowCount = cells.count
        let columnCount = columnTotals.count
        var rowNeed = (0..<rowCount).map { rowTotals[$0] - cells[$0].reduce(0, +) }
        var columnNeed = (0..<columnCount).map { column in
            columnTotals[column] - cells.reduce(0) { $0 + $1[column] }
        }
        // Flow network: a row may give a penny to a column through a cell with a fractional remainder.
        // Greedy first (largest remainders), then augmenting paths for what greed leaves.
        var raised = [[Bool]](repeating: [Bool](repeating: false, count: columnCount), count: rowCount)
        let fraction = exact.indices.map { row in
            exact[row].indices.map { exact[row][$0] - Double(cells[row][$0]) }
        }
        let allowed = fraction.map { $0.map { $0 > 1e-9 } }
        var order: [(Int, Int)] = []
        for row in 0..<rowCount {
            for column in 0..<columnCount where allowed[row][column] { order.append((row, column)) }
        }
        order.sort { fraction[$0.0][$0.1] > fraction[$1.0][$1.1] }
        for (row, column) in order where rowNeed[row] > 0 && columnNeed[column] > 0 {
            raised[row][column] = true
            rowNeed[row] -= 1
            columnNeed[column] -= 1
        }
        // Augment: from a row still short, find an alternating path to a column still short.
        for start in 0..<rowCount {
            while rowNeed[start] > 0 {
                guard let path = augmentingPath(from: start, allowed: allowed, raised: raised, columnNeed: columnNeed)
                else { break }
                for step in path { raised[step.row][step.column].toggle() }
                rowNeed[start] -= 1
                columnNeed[path.last!.column] -= 1
            }
        }
        for row in 0..<rowCount {
            for column in 0..<columnCount where raised[row][column] { cells[row][column] += 1 }
        }
        // Floating-point slack (a remainder of exactly zero that should have been a hair above): settle
        // any penny still owed on the largest cells, keeping the row margins exact.
        for row in 0..<rowCount where rowNeed[row] != 0 {
            let column = cells[row].indices.max { cells[row][$0] < cells[row][$1] } ?? 0
            cells[row][column] += rowNeed[row]
        }
        return cells
    }

    /// A path row → column (raise) → row (lower) → … ending at a column that still needs pence: an
    /// augmenting path in the flow network, found breadth first.
    private static func augmentingPath(
        from start: Int, allowed: [[Bool]], raised: [[Bool]], columnNeed: [Int64]
    ) -> [(row: Int, column: Int)]? {
        let columnCount = columnNeed.count
        var columnParent = [Int?](repeating: nil, count: columnCount)  // the row a column was reached from
        var rowParent = [Int?](repeating: nil, count: raised.count)  // the column a row was reached through
        var visitedRows: Set<Int> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let row = queue[head]
            head += 1
            for column in 0..<columnCount
            where allowed[row][column] && !raised[row][column] && columnParent[column] == nil {
                columnParent[column] = row
                if columnNeed[column] > 0 {
                    var path: [(row: Int, column: Int)] = []
                    var current = column
                    while let from = columnParent[current] {
                        path.append((from, current))
                        guard from != start, let through = rowParent[from] else { break }
                        path.append((from, through))
                        current = through
                    }
                    return path.reversed()
                }
                for nextRow in 0..<raised.count where raised[nextRow][column] && !visitedRows.contains(nextRow) {
                    visitedRows.insert(nextRow)
                    rowParent[nextRow] = column
                    queue.append(nextRow)
                }
            }
        }
        return nil
    }

    /// The row's budget.
    public func rowTotal(_ row: String) -> Money? {
        rows.firstIndex(of: row).map { Money(pence: cells[$0].reduce(0, +)) }
    }

    /// The column's budget.
    public func columnTotal(_ column: String) -> Money? {
        columns.firstIndex(of: column).map { index in Money(pence: cells.reduce(0) { $0 + $1[index] }) }
    }

    /// The cell's budget.
    public func cell(_ row: String, _ column: String) -> Money? {
        guard let r = rows.firstIndex(of: row), let c = columns.firstIndex(of: column) else { return nil }
        return Money(pence: cells[r][c])
    }

    /// The whole: the sum of every cell.
    public var total: Money { Money(pence: cells.reduce(0) { $0 + $1.reduce(0, +) }) }
}

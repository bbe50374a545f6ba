/// A horizontal bar chart as accessible SVG: one labelled bar per item, its value written beside it,
/// a title and a text description. Pure: items in, SVG text out. Items with no value (suppressed) are
/// drawn as a label with the word the caller gives ("suppressed") and no bar.
struct BarChart {
    /// One bar.
    struct Item {
        var label: String
        var value: Double?
        var text: String
    }

    var id: String
    var title: String
    var description: String
    var items: [Item]
    var width = 720
    var rowHeight = 24

    var svg: String {
        let labelWidth = 290
        let plot = width - labelWidth - 120
        let largest = max(items.compactMap(\.value).max() ?? 1, .leastNonzeroMagnitude)
        let height = items.count * rowHeight + 12
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart bars">
            <title id="\(id)-title">\(title.escapedForXML)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>

            """
        for (row, item) in items.enumerated() {
            let y = 6 + row * rowHeight
            let length = item.value.map { Int(($0 / largest * Double(plot)).rounded()) } ?? 0
            svg += """
                <g><title>\(item.label.escapedForXML): \(item.text.escapedForXML)</title>\
                <text x="\(labelWidth - 8)" y="\(y + rowHeight - 9)" text-anchor="end" class="tick">\(item.label.escapedForXML)</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(length)" height="\(rowHeight - 8)" class="within"/>\
                <text x="\(labelWidth + length + 6)" y="\(y + rowHeight - 9)" class="tick">\(item.text.escapedForXML)</text></g>

                """
        }
        return svg + "</svg>"
    }
}

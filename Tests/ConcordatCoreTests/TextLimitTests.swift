import ConcordatCore
import Testing

@Suite("Text limits")
struct TextLimitTests {
    @Test(
        "identifiers match [A-Za-z0-9][A-Za-z0-9._-]{0,63}",
        arguments: [
            ("EK-2026.11_b", true), ("a", true), (String(repeating: "a", count: 64), true),
            (String(repeating: "a", count: 65), false), ("", false), ("EK 9", false), ("EK\r9", false),
            ("EK\n9", false), ("-EK", false), (".EK", false), ("É9", false), ("EK/9", false),
        ])
    func identifiers(value: String, accepted: Bool) {
        #expect((TextLimit.identifier.refusal(of: value) == nil) == accepted)
    }

    @Test("names are one line of at most 200 characters; text at most 10,000 with line breaks")
    func lengths() throws {
        #expect(TextLimit.name.refusal(of: String(repeating: "é", count: 200)) == nil)
        #expect(TextLimit.name.refusal(of: String(repeating: "é", count: 201)) != nil)
        #expect(TextLimit.name.refusal(of: "a\tb") != nil)
        #expect(TextLimit.name.refusal(of: "  ") != nil)
        #expect(TextLimit.text.refusal(of: "line one\r\nline two\tend") == nil)
        #expect(TextLimit.text.refusal(of: String(repeating: "x", count: 10_001)) != nil)
        #expect(TextLimit.text.refusal(of: "bell\u{07}") != nil)
        let organisation = Organisation(
            code: "kcc", name: String(repeating: "n", count: 1_500_000), role: .localAuthority, isSignatory: true)
        #expect(throws: FieldRefusal.self) { try organisation.checkText() }
        do { try organisation.checkText() } catch { #expect(error.field == "name") }
    }
}

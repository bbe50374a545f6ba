import Foundation
import PopulationHealth
import Testing

@Suite("The electronic Frailty Index")
struct ElectronicFrailtyIndexTests {
    /// 36 deficits, each evidenced by one made-up code "1000000n" (real lists are configuration).
    static let efi = try! ElectronicFrailtyIndex(
        configuration: .init(deficits: (1...36).map { .init(name: "Deficit \($0)", codes: ["\(1_000_000 + $0)"]) }))

    static func category(withDeficits count: Int) -> ElectronicFrailtyIndex.Category {
        ElectronicFrailtyIndex.Category(score: efi.score(deficitCount: count))
    }

    @Test("score is deficits ÷ 36; categories use the unrounded score")
    func categories() {
        #expect(Self.efi.score(deficitCount: 9) == 0.25)
        #expect(Self.category(withDeficits: 4) == .fit)  // 0.111
        #expect(Self.category(withDeficits: 5) == .mild)  // 0.139
        #expect(Self.category(withDeficits: 8) == .mild)  // 0.222
        #expect(Self.category(withDeficits: 9) == .moderate)  // 0.25
        #expect(Self.category(withDeficits: 13) == .severe)  // 0.361: above 0.36 although it rounds to 0.36
        #expect(ElectronicFrailtyIndex.Category(score: 0.12) == .fit)
        #expect(ElectronicFrailtyIndex.Category(score: 0.36) == .moderate)
    }

    @Test("a deficit counts once however many of its codes appear; unknown codes count for nothing")
    func deficits() throws {
        let efi = try ElectronicFrailtyIndex(
            configuration: .init(deficits: [
                .init(name: "Falls", codes: ["161898004", "217082002"]), .init(name: "Hearing", codes: ["15188001"]),
            ]))
        #expect(efi.deficits(in: ["161898004", "217082002", "999999"]) == [0])
        #expect(efi.deficits(in: ["15188001", "161898004"]).count == 2)
    }

    @Test("configurations round-trip as JSON and bad ones are refused")
    func configuration() throws {
        let data = try JSONEncoder().encode(Self.efi.configuration)
        #expect(
            try JSONDecoder().decode(ElectronicFrailtyIndex.Configuration.self, from: data) == Self.efi.configuration)
        #expect(throws: ElectronicFrailtyIndex.ConfigurationError.self) {
            try ElectronicFrailtyIndex(configuration: .init(deficits: []))
        }
        #expect(throws: ElectronicFrailtyIndex.ConfigurationError.self) {
            try ElectronicFrailtyIndex(
                configuration: .init(deficits: [.init(name: "A", codes: ["1"]), .init(name: "A", codes: ["2"])]))
        }
        #expect(throws: ElectronicFrailtyIndex.ConfigurationError.self) {
            try ElectronicFrailtyIndex(configuration: .init(deficits: [.init(name: "A", codes: [])]))
        }
    }
}

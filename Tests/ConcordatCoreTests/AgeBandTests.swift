import ConcordatCore
import Testing

@Suite("Five-year age bands as NHS Digital publishes them")
struct AgeBandTests {
    @Test(
        "publication codes read back to the right band",
        arguments: [
            ("0_4", 0), ("5_9", 1), ("10_14", 2), ("45_49", 9), ("90_94", 18), ("95+", 19),
        ])
    func readsPublicationCodes(code: String, index: Int) {
        let band = AgeBand(publicationCode: code)
        #expect(band?.index == index)
        #expect(band?.publicationCode == code)
    }

    @Test(
        "codes that are not five-year bands are refused", arguments: ["ALL", "0_5", "3_7", "95_99", "100+", "", "a_b"])
    func refusesOtherCodes(code: String) {
        #expect(AgeBand(publicationCode: code) == nil)
    }

    @Test("ages fall in the band that holds them; 95 and over share the open band")
    func agesMapToBands() {
        #expect(AgeBand(age: 0)?.label == "0–4")
        #expect(AgeBand(age: 4)?.label == "0–4")
        #expect(AgeBand(age: 5)?.label == "5–9")
        #expect(AgeBand(age: 94)?.label == "90–94")
        #expect(AgeBand(age: 95)?.label == "95+")
        #expect(AgeBand(age: 107)?.label == "95+")
        #expect(AgeBand(age: -1) == nil)
        #expect(AgeBand.all.count == 20)
    }
}

import Testing

@testable import PopulationHealth

@Suite("Condition names a person can read")
struct ComorbidityCategoryNamesTests {
    @Test("every category of every code list has a name, and no name is a bare key")
    func everyCategoryNamed() {
        for (category, _) in ComorbidityCodeLists.charlsonQuan2005 {
            let name = ComorbidityCategoryNames.name(of: category, in: .charlsonQuan)
            #expect(name != category && name.first?.isUppercase == true, "\(category)")
        }
        for (category, _) in ComorbidityCodeLists.elixhauserQuan2005 {
            let name = ComorbidityCategoryNames.name(of: category, in: .elixhauserVanWalraven)
            #expect(name != category && name.first?.isUppercase == true, "\(category)")
        }
        #expect(
            Set(ComorbidityCodeLists.charlsonQuan2005.map(\.category)) == Set(ComorbidityCategoryNames.charlson.keys))
        #expect(
            Set(ComorbidityCodeLists.elixhauserQuan2005.map(\.category))
                == Set(ComorbidityCategoryNames.elixhauser.keys))
    }

    @Test("the issue's examples read as written")
    func examples() {
        #expect(
            ComorbidityCategoryNames.label(of: "chf", in: .elixhauserVanWalraven)
                == "Congestive heart failure (Elixhauser)")
        #expect(
            ComorbidityCategoryNames.name(of: "hypunc", in: .elixhauserVanWalraven) == "Hypertension, uncomplicated")
        #expect(ComorbidityCategoryNames.name(of: "metacanc", in: .charlsonQuan) == "Metastatic solid tumour")
    }
}

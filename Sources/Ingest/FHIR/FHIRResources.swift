/// The parts of FHIR R4 resources that the integrated dataset reads (HL7 FHIR R4, 4.0.1). Everything
/// else in a resource is ignored.
enum FHIR {
    /// The extension URLs Concordat reads for facts FHIR R4 has no element for.
    enum ExtensionURL {
        /// The person's Lower-layer Super Output Area (`valueString`, e.g. E01024345).
        static let lsoa = "https://concordat.dev/fhir/StructureDefinition/lsoa"
        /// The national IMD decile of that LSOA (`valueInteger`, 1 = most deprived).
        static let imdDecile = "https://concordat.dev/fhir/StructureDefinition/imd-decile"
        /// The GP registration period (`valuePeriod`); its start is `registered_from`.
        static let registrationPeriod = "https://concordat.dev/fhir/StructureDefinition/registration-period"
        /// An encounter's care setting as Concordat names it (`valueCode`, e.g. adult_social_care).
        static let careSetting = "https://concordat.dev/fhir/StructureDefinition/care-setting"
        /// An encounter's cost in pence (`valueInteger`).
        static let costPence = "https://concordat.dev/fhir/StructureDefinition/cost-pence"
    }

    /// The NHS number identifier system.
    static let nhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number"

    struct Identifier: Decodable {
        var system: String?
        var value: String?
    }

    struct Reference: Decodable {
        var reference: String?
        var identifier: Identifier?

        /// `Patient/abc` → `abc`; an identifier's value otherwise.
        var target: String? {
            if let reference, let slash = reference.lastIndex(of: "/") {
                return String(reference[reference.index(after: slash)...])
            }
            return reference ?? identifier?.value
        }
    }

    struct Period: Decodable {
        var start: String?
        var end: String?
    }

    struct Coding: Decodable {
        var system: String?
        var code: String?
    }

    struct CodeableConcept: Decodable {
        var coding: [Coding]?
    }

    struct Extension: Decodable {
        var url: String
        var valueString: String?
        var valueInteger: Int?
        var valueCode: String?
        var valuePeriod: Period?
    }

    struct Patient: Decodable {
        var resourceType: String
        var id: String?
        var identifier: [Identifier]?
        var birthDate: String?
        var gender: String?
        var deceasedDateTime: String?
        var generalPractitioner: [Reference]?
        var `extension`: [Extension]?
    }

    struct Condition: Decodable {
        var resourceType: String
        var subject: Reference?
        var code: CodeableConcept?
        var recordedDate: String?
        var onsetDateTime: String?
    }

    struct Encounter: Decodable {
        var resourceType: String
        var subject: Reference?
        var `class`: Coding?
        var priority: CodeableConcept?
        var serviceProvider: Reference?
        var period: Period?
        var reasonCode: [CodeableConcept]?
        var `extension`: [Extension]?
    }
}

extension Array where Element == FHIR.Extension {
    /// The extension with `url`.
    func first(_ url: String) -> FHIR.Extension? { first { $0.url == url } }
}

extension String {
    /// The date part of a FHIR date or dateTime (`2026-01-05T10:00:00Z` → `2026-01-05`).
    var fhirDay: String { count > 10 ? String(prefix(10)) : self }
}

import ConcordatCore
import Foundation

/// Turns an ``IntegratedDataset`` into named byte columns and back: the on-disk form of the columnar
/// snapshot. Integers are stored little-endian, as every supported platform holds them.
enum DatasetColumns {
    /// Every column's name and bytes, copied.
    static func encode(_ dataset: IntegratedDataset) -> [(String, Data)] {
        var columns: [(String, Data)] = []
        forEachColumn(of: dataset) { name, bytes in columns.append((name, Data(bytes))) }
        return columns
    }

    /// Calls `body` with each column's name and bytes in place (valid only during the call), so a store
    /// can write the columns one at a time without a second copy of the dataset in memory.
    static func forEachColumn(
        of dataset: IntegratedDataset, _ body: (String, UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        func add<T: FixedWidthInteger>(_ name: String, _ values: [T]) throws {
            try values.withUnsafeBytes { try body(name, $0) }
        }
        func add(_ name: String, _ strings: PackedStrings) throws {
            try add(name + ".bytes", strings.bytes)
            try add(name + ".offsets", strings.offsets)
        }
        try add("person.id", dataset.personIDs)
        try add("person.birthYear", dataset.birthYear)
        try add("person.birthMonth", dataset.birthMonth)
        try add("person.sex", dataset.sex)
        try add("person.lsoa", dataset.lsoa)
        try add("person.imdDecile", dataset.imdDecile)
        try add("person.practice", dataset.practice)
        try add("person.registeredFrom", dataset.registeredFrom)
        try add("person.diedOn", dataset.diedOn)
        try add("diagnosis.person", dataset.diagnosisPerson)
        try add("diagnosis.system", dataset.diagnosisSystem)
        try add("diagnosis.code", dataset.diagnosisCode)
        try add("diagnosis.recordedOn", dataset.diagnosisRecordedOn)
        try add("event.person", dataset.eventPerson)
        try add("event.setting", dataset.eventSetting)
        try add("event.provider", dataset.eventProvider)
        try add("event.start", dataset.eventStart)
        try add("event.end", dataset.eventEnd)
        try add("event.costPence", dataset.eventCostPence)
        try add("event.primaryCode", dataset.eventPrimaryCode)
        try add("table.lsoa", dataset.lsoaCodes)
        try add("table.practice", dataset.practiceCodes)
        try add("table.provider", dataset.providerCodes)
        try add("table.code", dataset.codes)
    }

    static func decode(_ columns: [String: Data]) throws -> IntegratedDataset {
        func values<T: FixedWidthInteger>(_ name: String, as type: T.Type = T.self) throws -> [T] {
            guard let data = columns[name] else { throw StoreError.corrupt("the dataset has no column \(name)") }
            guard data.count % MemoryLayout<T>.stride == 0 else {
                throw StoreError.corrupt(
                    "the dataset column \(name) has \(data.count) bytes, not a whole number of values")
            }
            return [T](unsafeUninitializedCapacity: data.count / MemoryLayout<T>.stride) { buffer, count in
                data.copyBytes(to: buffer)
                count = buffer.count
            }
        }
        func strings(_ name: String) throws -> PackedStrings {
            guard let packed = PackedStrings(bytes: try values(name + ".bytes"), offsets: try values(name + ".offsets"))
            else {
                throw StoreError.corrupt("the dataset string column \(name) is inconsistent")
            }
            return packed
        }
        var dataset = IntegratedDataset()
        dataset.personIDs = try strings("person.id")
        dataset.birthYear = try values("person.birthYear")
        dataset.birthMonth = try values("person.birthMonth")
        dataset.sex = try values("person.sex")
        dataset.lsoa = try values("person.lsoa")
        dataset.imdDecile = try values("person.imdDecile")
        dataset.practice = try values("person.practice")
        dataset.registeredFrom = try values("person.registeredFrom")
        dataset.diedOn = try values("person.diedOn")
        dataset.diagnosisPerson = try values("diagnosis.person")
        dataset.diagnosisSystem = try values("diagnosis.system")
        dataset.diagnosisCode = try values("diagnosis.code")
        dataset.diagnosisRecordedOn = try values("diagnosis.recordedOn")
        dataset.eventPerson = try values("event.person")
        dataset.eventSetting = try values("event.setting")
        dataset.eventProvider = try values("event.provider")
        dataset.eventStart = try values("event.start")
        dataset.eventEnd = try values("event.end")
        dataset.eventCostPence = try values("event.costPence")
        dataset.eventPrimaryCode = try values("event.primaryCode")
        dataset.lsoaCodes = try strings("table.lsoa")
        dataset.practiceCodes = try strings("table.practice")
        dataset.providerCodes = try strings("table.provider")
        dataset.codes = try strings("table.code")
        let people = dataset.personCount
        let personColumns = [
            dataset.personIDs.count, dataset.birthMonth.count, dataset.sex.count, dataset.lsoa.count,
            dataset.imdDecile.count, dataset.practice.count, dataset.registeredFrom.count, dataset.diedOn.count,
        ]
        let diagnosisColumns = [
            dataset.diagnosisSystem.count, dataset.diagnosisCode.count, dataset.diagnosisRecordedOn.count,
        ]
        let eventColumns = [
            dataset.eventSetting.count, dataset.eventProvider.count, dataset.eventStart.count, dataset.eventEnd.count,
            dataset.eventCostPence.count, dataset.eventPrimaryCode.count,
        ]
        guard personColumns.allSatisfy({ $0 == people }), diagnosisColumns.allSatisfy({ $0 == dataset.diagnosisCount }),
            eventColumns.allSatisfy({ $0 == dataset.eventCount })
        else { throw StoreError.corrupt("the dataset's columns have different lengths") }
        return dataset
    }
}

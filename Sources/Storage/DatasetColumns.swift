import ConcordatCore
import Foundation

/// Turns an ``IntegratedDataset`` into named byte columns and back: the on-disk form of the columnar
/// snapshot. Integers are stored little-endian, as every supported platform holds them.
enum DatasetColumns {
    static func encode(_ dataset: IntegratedDataset) -> [(String, Data)] {
        var columns: [(String, Data)] = []
        func add<T: FixedWidthInteger>(_ name: String, _ values: [T]) {
            columns.append((name, values.withUnsafeBytes { Data($0) }))
        }
        func add(_ name: String, _ strings: PackedStrings) {
            add(name + ".bytes", strings.bytes)
            add(name + ".offsets", strings.offsets)
        }
        add("person.id", dataset.personIDs)
        add("person.birthYear", dataset.birthYear)
        add("person.birthMonth", dataset.birthMonth)
        add("person.sex", dataset.sex)
        add("person.lsoa", dataset.lsoa)
        add("person.imdDecile", dataset.imdDecile)
        add("person.practice", dataset.practice)
        add("person.registeredFrom", dataset.registeredFrom)
        add("person.diedOn", dataset.diedOn)
        add("diagnosis.person", dataset.diagnosisPerson)
        add("diagnosis.system", dataset.diagnosisSystem)
        add("diagnosis.code", dataset.diagnosisCode)
        add("diagnosis.recordedOn", dataset.diagnosisRecordedOn)
        add("event.person", dataset.eventPerson)
        add("event.setting", dataset.eventSetting)
        add("event.provider", dataset.eventProvider)
        add("event.start", dataset.eventStart)
        add("event.end", dataset.eventEnd)
        add("event.costPence", dataset.eventCostPence)
        add("event.primaryCode", dataset.eventPrimaryCode)
        add("table.lsoa", dataset.lsoaCodes)
        add("table.practice", dataset.practiceCodes)
        add("table.provider", dataset.providerCodes)
        add("table.code", dataset.codes)
        return columns
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

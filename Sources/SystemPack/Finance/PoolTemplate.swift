import ConcordatCore
import Finance

/// A pool as a pack describes it (`pools.json`): its size either a fixed amount in pence or a
/// percentage of a year's spend in some settings (and from some providers), and each contributor's
/// share of that size in percent (the shares add up to 100).
public struct PoolTemplate: Sendable, Hashable, Codable {
    /// How big the pool is.
    public struct Size: Sendable, Hashable, Codable {
        /// A fixed amount, in whole pence.
        public var amountPence: Int64?
        /// Else: this percentage of the year's spend that matches ``settings`` and ``providers``.
        public var percentOfSpend: Int?
        /// The care settings whose spend counts (all if absent).
        public var settings: [String]?
        /// The providers whose spend counts (all if absent).
        public var providers: [String]?

        /// Makes a size.
        public init(
            amountPence: Int64? = nil, percentOfSpend: Int? = nil, settings: [String]? = nil,
            providers: [String]? = nil
        ) {
            self.amountPence = amountPence
            self.percentOfSpend = percentOfSpend
            self.settings = settings
            self.providers = providers
        }

        private enum CodingKeys: String, CodingKey {
            case amountPence, percentOfSpend, settings, providers
        }

        /// Reads a size, refusing an amount that is not a whole number of pence (`12.5`, `"£3m"`).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.amountPence) {
                guard let pence = try? container.decode(Int64.self, forKey: .amountPence) else {
                    let written =
                        (try? container.decode(Double.self, forKey: .amountPence)).map { "\($0)" }
                        ?? (try? container.decode(String.self, forKey: .amountPence)).map { "\"\($0)\"" } ?? "it"
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: container.codingPath + [CodingKeys.amountPence],
                            debugDescription: "\(written) is not a whole number of pence (money is written in pence)"))
                }
                amountPence = pence
            } else {
                amountPence = nil
            }
            percentOfSpend = try container.decodeIfPresent(Int.self, forKey: .percentOfSpend)
            settings = try container.decodeIfPresent([String].self, forKey: .settings)
            providers = try container.decodeIfPresent([String].self, forKey: .providers)
        }
    }

    /// One partner's share of the pool.
    public struct Share: Sendable, Hashable, Codable {
        /// The contributing partner.
        public var partner: String
        /// Its share of the pool's size, in whole percent.
        public var sharePercent: Int

        /// Makes a share.
        public init(partner: String, sharePercent: Int) {
            self.partner = partner
            self.sharePercent = sharePercent
        }
    }

    /// A short key.
    public var code: String
    /// The pool's name.
    public var name: String
    /// The arrangement that holds it.
    public var kind: Pool.Kind
    /// The hosting partner.
    public var host: String
    /// How big it is.
    public var size: Size
    /// Who puts money in, as shares of the size.
    public var contributions: [Share]
    /// The conditions on spending it.
    public var ringFences: [RingFence]

    /// Makes a pool template.
    public init(
        code: String, name: String, kind: Pool.Kind, host: String, size: Size, contributions: [Share],
        ringFences: [RingFence] = []
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.host = host
        self.size = size
        self.contributions = contributions
        self.ringFences = ringFences
    }

    /// The pool for a year's spend: each contribution is its share of the size, to the penny below
    /// (a contribution of `p`% of `s`% of spend is `spend × s × p ÷ 10,000`, rounded down).
    public func pool(spend: SpendSummary?) -> Pool {
        let contributions = contributions.map { share -> Pool.Contribution in
            let pence: Int64
            if let fixed = size.amountPence {
                pence = fixed * Int64(share.sharePercent) / 100
            } else {
                let matching = (spend?.cells ?? []).filter { cell in
                    (size.settings.map { $0.contains(cell.setting) } ?? true)
                        && (size.providers.map { $0.contains(cell.provider) } ?? true)
                }.reduce(Int64(0)) { $0 + $1.pence }
                pence = matching * Int64(size.percentOfSpend ?? 0) * Int64(share.sharePercent) / 10_000
            }
            return Pool.Contribution(partner: share.partner, amount: Money(pence: pence))
        }
        return Pool(
            code: code, name: name, kind: kind, host: host, contributions: contributions, ringFences: ringFences)
    }
}

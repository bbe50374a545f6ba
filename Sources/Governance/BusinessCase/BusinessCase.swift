import ConcordatCore
import Foundation

/// A business case in HM Treasury's five case model, drafted from a scenario: the strategic, commercial
/// and management cases as structured text (the management case with the milestones and risks it adds to
/// the programme), and the economic and financial cases as the scenario's appraisal found them. Source:
/// HM Treasury, *The Green Book* (2022), chapter 2, and *Guide to developing the project business case*
/// (Better Business Cases, 2018).
public struct BusinessCase: Sendable, Hashable, Codable, Identifiable {
    /// The most milestones or risks a management case may add.
    public static let maximumItems = 100

    /// A milestone the case adds to the work programme when the decision is ratified.
    public struct Milestone: Sendable, Hashable, Codable {
        /// Its reference in the programme.
        public var id: String
        /// What is delivered.
        public var title: String
        /// The workstream it belongs to.
        public var workstream: String
        /// The named person who owns it.
        public var owner: String
        /// When it is due.
        public var due: Day

        /// Makes a milestone.
        public init(id: String, title: String, workstream: String, owner: String, due: Day) {
            self.id = id
            self.title = title
            self.workstream = workstream
            self.owner = owner
            self.due = due
        }
    }

    /// A risk the case adds to the risk register when the decision is ratified.
    public struct Risk: Sendable, Hashable, Codable {
        /// Its reference in the register.
        public var id: String
        /// What could happen.
        public var title: String
        /// The named person who owns it.
        public var owner: String
        /// The area it is held in (an area code).
        public var area: String
        /// Likelihood and consequence, each 1–5, before controls.
        public var likelihood: Int, consequence: Int

        /// Makes a risk.
        public init(id: String, title: String, owner: String, area: String, likelihood: Int, consequence: Int) {
            self.id = id
            self.title = title
            self.owner = owner
            self.area = area
            self.likelihood = likelihood
            self.consequence = consequence
        }
    }

    /// The management case: how the change will be delivered, and what it adds to the programme.
    public struct Management: Sendable, Hashable, Codable {
        /// Arrangements for delivery, in words.
        public var text: String
        /// The milestones it adds.
        public var milestones: [Milestone]
        /// The risks it adds.
        public var risks: [Risk]

        /// Makes a management case.
        public init(text: String, milestones: [Milestone] = [], risks: [Risk] = []) {
            self.text = text
            self.milestones = milestones
            self.risks = risks
        }
    }

    /// Its reference, e.g. `BC-2026-01`.
    public var id: String
    /// Its title.
    public var title: String
    /// The strategic case: the case for change and fit with the partnership's strategy.
    public var strategic: String
    /// The commercial case: how the service is to be procured or provided.
    public var commercial: String
    /// The management case.
    public var management: Management
    /// The economic case.
    public var economic: EconomicAppraisal
    /// The financial case.
    public var financial: FinancialPosition
    /// The account that drafted it.
    public var author: String
    /// The organisation it was drafted for (`nil`: the secretariat).
    public var organisation: String?
    /// When it was drafted.
    public var created: Date

    /// Makes a business case.
    public init(
        id: String, title: String, strategic: String, commercial: String, management: Management,
        economic: EconomicAppraisal, financial: FinancialPosition, author: String, organisation: String?,
        created: Date
    ) {
        self.id = id
        self.title = title
        self.strategic = strategic
        self.commercial = commercial
        self.management = management
        self.economic = economic
        self.financial = financial
        self.author = author
        self.organisation = organisation
        self.created = created
    }

    /// Why the case cannot be accepted as drafted, or `nil`: its text fields' limits, the number of
    /// milestones and risks, and their scores.
    public func refusal() -> FieldRefusal? {
        do { try checkText() } catch { return error }
        if management.milestones.count > Self.maximumItems {
            return FieldRefusal(field: "management.milestones", reason: "has more than \(Self.maximumItems) items")
        }
        if management.risks.count > Self.maximumItems {
            return FieldRefusal(field: "management.risks", reason: "has more than \(Self.maximumItems) items")
        }
        for (index, risk) in management.risks.enumerated() {
            for (name, value) in [("likelihood", risk.likelihood), ("consequence", risk.consequence)]
            where !(1...5).contains(value) {
                return FieldRefusal(field: "management.risks[\(index)].\(name)", reason: "must be 1 to 5")
            }
        }
        for (name, items) in [
            ("milestones", management.milestones.map(\.id)), ("risks", management.risks.map(\.id)),
        ] where Set(items).count != items.count {
            return FieldRefusal(field: "management.\(name)", reason: "repeats a reference")
        }
        return nil
    }

    /// What a proposal carries of this case when it is attached, with its determinations.
    public func attachment(determinations: [Section151Determination]) -> AttachedBusinessCase {
        AttachedBusinessCase(
            id: id, title: title, greenBookGaps: economic.missingForGreenBook,
            breaches: financial.breaches.map { .init(partner: $0.partner, probability: $0.probability) },
            determinations: determinations)
    }
}

extension BusinessCase: TextLimited {
    /// The id is an identifier; the title a name; the three text cases free text; each milestone's and
    /// risk's fields as the programme and register hold them.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [
            ("id", id, .identifier), ("title", title, .name), ("strategic", strategic, .text),
            ("commercial", commercial, .text), ("management.text", management.text, .text),
        ]
            + management.milestones.enumerated().flatMap { index, milestone in
                [
                    ("management.milestones[\(index)].id", milestone.id, TextLimit.identifier),
                    ("management.milestones[\(index)].title", milestone.title, .name),
                    ("management.milestones[\(index)].workstream", milestone.workstream, .name),
                    ("management.milestones[\(index)].owner", milestone.owner, .name),
                ]
            }
            + management.risks.enumerated().flatMap { index, risk in
                [
                    ("management.risks[\(index)].id", risk.id, TextLimit.identifier),
                    ("management.risks[\(index)].title", risk.title, .name),
                    ("management.risks[\(index)].owner", risk.owner, .name),
                    ("management.risks[\(index)].area", risk.area, .identifier),
                ]
            }
    }
}

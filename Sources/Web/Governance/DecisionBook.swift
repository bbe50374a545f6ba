import Foundation
import Governance
import Hummingbird
import Storage

/// A decision as the API shows it: the record, where it stands, who still has to ratify, and the red
/// lines that block its vote.
struct DecisionView: ResponseCodable, Sendable {
    var record: DecisionRecord
    var status: DecisionStatus?
    var outstanding: [Outstanding]
    var blockingRedLines: [String]
    /// Every red line that applies to the proposal, judged: met or breached, and why (the Green Book and
    /// Section 151 lines computed from the attached business case).
    var redLines: [Judgement]

    struct Judgement: Codable, Sendable {
        var party: String
        var name: String
        var breached: Bool
        var why: String
    }

    struct Outstanding: Codable, Sendable {
        var party: String
        var body: String
    }

    init(_ record: DecisionRecord, _ memorandum: MemorandumOfUnderstanding, _ routes: RatificationRoutes) {
        let (status, outstanding) = record.status(memorandum: memorandum, routes: routes)
        self.record = record
        self.status = status
        self.outstanding = outstanding.map { .init(party: $0.party, body: $0.body) }
        blockingRedLines = VoteCount.blockingRedLines(
            record.proposal, memorandum: memorandum, overrides: record.overrides
        )
        .map { "\($0.redLine.party): \($0.redLine.name) — \($0.reason)" }
        redLines = memorandum.redLines.filter { $0.applies(to: record.proposal) }.map { line in
            let (breached, why) = line.judgement(of: record.proposal)
            return Judgement(party: line.party, name: line.name, breached: breached, why: why)
        }
    }
}

/// The memorandum and every decision with its view, read from the store once per change of the decision
/// register. Every change to the memorandum or a decision appends to the register, so its head names the
/// state: a reader checks the head (one small query) and rebuilds only when it has moved, whichever
/// process made the change.
actor DecisionBook {
    /// What the partnership has decided, as of one register head.
    struct Contents: Sendable {
        var head: Int
        var memorandum: MemorandumOfUnderstanding?
        var routes: RatificationRoutes?
        var views: [DecisionView]

        /// The decisions, the most recently tabled first.
        var newestFirst: [DecisionView] {
            views.enumerated().sorted {
                ($0.element.record.proposal.tabled, $0.offset) > ($1.element.record.proposal.tabled, $1.offset)
            }.map(\.element)
        }
    }

    private let store: any Store
    private var cached: Contents?

    init(store: any Store) { self.store = store }

    /// The current contents. When the register has moved on, only the decisions its new entries name are
    /// read again; a new memorandum version means reading everything.
    func contents() async throws -> Contents {
        let head = try await store.registerHead()?.sequence ?? 0
        if let cached, cached.head == head { return cached }
        if let cached, head > cached.head, let updated = try await updated(cached, to: head) {
            self.cached = updated
            return updated
        }
        let stored = try await store.memorandum()
        let records = try await store.decisions()
        let contents = Contents(
            head: head, memorandum: stored?.memorandum, routes: stored?.routes,
            views: records.map { record in
                stored.map { DecisionView(record, $0.memorandum, $0.routes) } ?? DecisionView(record: record)
            })
        cached = contents
        return contents
    }

    /// `cached` brought up to `head` by re-reading the decisions named since, or `nil` when that is not
    /// enough (the memorandum changed, or there was none).
    private func updated(_ cached: Contents, to head: Int) async throws -> Contents? {
        guard let memorandum = cached.memorandum, let routes = cached.routes else { return nil }
        let entries = try await store.registerEntries(after: cached.head)
        guard !entries.contains(where: { $0.kind == .memorandum }) else { return nil }
        var updated = cached
        var position = Dictionary(uniqueKeysWithValues: cached.views.enumerated().map { ($1.record.id, $0) })
        // In register order, so new decisions join in the order they were tabled, as the store lists them.
        var seen: Set<String> = []
        for id in entries.map(\.subject) where seen.insert(id).inserted {
            guard let record = try await store.decision(id) else { continue }  // not a decision: the programme
            let view = DecisionView(record, memorandum, routes)
            if let index = position[id] {
                updated.views[index] = view
            } else {
                position[id] = updated.views.count
                updated.views.append(view)
            }
        }
        updated.head = entries.last?.sequence ?? head
        return updated
    }
}

extension DecisionView {
    /// A decision with no memorandum to judge it by.
    init(record: DecisionRecord) {
        self.record = record
        status = nil
        outstanding = []
        blockingRedLines = []
        redLines = []
    }
}

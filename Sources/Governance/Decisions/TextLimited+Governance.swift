import ConcordatCore

extension Proposal: TextLimited {
    /// The id is an identifier (`[A-Za-z0-9][A-Za-z0-9._-]{0,63}`), so it can be voted on at its address;
    /// the title a one-line name.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [("id", id, .identifier), ("title", title, .name)]
            + (sponsor.map { [("sponsor", $0, TextLimit.identifier)] } ?? [])
            + ringFenceBreaches.enumerated().flatMap { index, breach in
                [
                    ("ringFenceBreaches[\(index)].pool", breach.pool, TextLimit.identifier),
                    ("ringFenceBreaches[\(index)].reason", breach.reason, .text),
                ]
            }
    }
}

extension Vote: TextLimited {
    /// The seat's organisation code, and the deputy's name when one voted.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [("organisation", organisation, .identifier)] + (deputy.map { [("deputy", $0, .name)] } ?? [])
    }
}

extension RedLineOverride: TextLimited {
    /// The party's code, the red line's name and the minute.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [("party", party, .identifier), ("redLine", redLine, .name), ("minuteReference", minuteReference, .name)]
    }
}

extension Ratification: TextLimited {
    /// The party's code, its body's name and the minute.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [("party", party, .identifier), ("body", body, .name), ("minuteReference", minuteReference, .name)]
    }
}

extension DecisionRecord: TextLimited {
    /// The proposal's fields, and every vote, ballot, override and ratification recorded.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        proposal.limitedText + votes.limitedText(as: "votes")
            + present.enumerated().map { ("present[\($0)]", $1, TextLimit.identifier) }
            + overrides.limitedText(as: "overrides") + ratifications.limitedText(as: "ratifications")
            + (ballots ?? []).limitedText(as: "ballots")
    }
}

extension Risk: TextLimited {
    /// The id and area are identifiers, the title and owner names, the controls, actions and issues text.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [
            ("id", id, .identifier), ("title", title, .name), ("owner", owner, .name), ("area", area, .identifier),
            ("controls", controls, .text), ("actions", actions, .text),
        ] + issues.enumerated().map { ("issues[\($0)]", $1, TextLimit.text) }
    }
}

extension WorkProgramme: TextLimited {
    /// Each milestone's id, title, workstream and owner, and each gateway's id.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        milestones.enumerated().flatMap { index, milestone in
            [
                ("milestones[\(index)].id", milestone.id, TextLimit.identifier),
                ("milestones[\(index)].title", milestone.title, .name),
                ("milestones[\(index)].workstream", milestone.workstream, .name),
                ("milestones[\(index)].owner", milestone.owner, .name),
            ]
        } + gateways.enumerated().map { ("gateways[\($0)].id", $1.id, TextLimit.identifier) }
    }
}

extension MemorandumOfUnderstanding: TextLimited {
    /// Each seat's organisation code, deputies' names and exit arrangements.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        seats.enumerated().flatMap { index, seat in
            [("seats[\(index)].organisation", seat.organisation, TextLimit.identifier)]
                + seat.deputies.enumerated().map { ("seats[\(index)].deputies[\($0)]", $1, TextLimit.name) }
                + (seat.exitArrangements.map { [("exitArrangements", $0, TextLimit.text)] } ?? [])
        }
    }
}

import Assurance
import SystemPack

/// The indicators a system watches, with their targets, in dashboard order: its pack's `indicators.json`
/// when a pack is kept with the system, else Concordat's standard catalogue (``IndicatorCatalogue/standard``:
/// the NHS Constitution's standards and NHS England's planning guidance), and which of the two it is, so
/// every page, the API and the command line show the same catalogue and say where it comes from.
public struct WatchedIndicators: Sendable, Hashable {
    /// Where the catalogue comes from.
    public enum Source: Sendable, Hashable {
        /// The pack kept with the system, by the pack's name.
        case pack(name: String)
        /// Concordat's standard catalogue: no pack is kept with the system.
        case standard
    }

    /// The indicators, in the order the dashboard shows them.
    public var indicators: [Indicator]
    /// Where they come from.
    public var source: Source

    /// The catalogue of `pack`, or the standard catalogue when there is no pack.
    public init(pack: SystemPack?) {
        if let pack {
            indicators = pack.indicators
            source = .pack(name: pack.manifest.name)
        } else {
            indicators = IndicatorCatalogue.standard
            source = .standard
        }
    }

    /// The indicator with `code`, if the catalogue has it.
    public func indicator(_ code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// Where the catalogue comes from, in a sentence, for pages and the command line.
    public var provenance: String {
        switch source {
        case .pack(let name):
            "The indicators and their targets are \(name)'s, from its system pack (indicators.json)."
        case .standard:
            "No system pack is kept with this system, so these are Concordat's standard indicators and targets "
                + "(NHS Constitution standards and NHS England planning guidance), not the system's own."
        }
    }
}

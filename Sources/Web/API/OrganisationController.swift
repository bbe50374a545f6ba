import ConcordatCore
import Foundation
import Hummingbird
import Storage

/// The partnership's organisations: `GET /api/v1/organisations`, `GET /{code}`, `POST`, `PATCH /{code}`.
struct OrganisationController<Context: RequestContext> {
    let store: any Store

    /// The routes, to mount at `/api/v1/organisations`.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get { _, _ in ListDocument(items: try await store.organisations()) }
        routes.get(":code") { _, context in try await store.organisation(code: try context.parameters.require("code")) }
        routes.post(use: add)
        routes.patch(":code", use: change)
        return routes
    }

    /// `POST /api/v1/organisations`: adds an organisation, answering 201 with it.
    @Sendable func add(_ request: Request, context: Context) async throws -> EditedResponse<Organisation> {
        _ = try await Authentication(store: store).user(request, may: \.mayManagePartnership, toDo: "add organisations")
        let body = try await request.decode(as: OrganisationBody.self, context: context)
        let organisation = try body.newOrganisation()
        try await store.insertOrganisation(organisation)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/organisations/\(organisation.code)"],
            response: organisation)
    }

    /// `PATCH /api/v1/organisations/{code}`: changes an organisation's fields given in the body.
    @Sendable func change(_ request: Request, context: Context) async throws -> Organisation {
        _ = try await Authentication(store: store).user(
            request, may: \.mayManagePartnership, toDo: "change organisations")
        let code = try context.parameters.require("code")
        let body = try await request.decode(as: OrganisationBody.self, context: context)
        let updated = try body.applied(to: try await store.organisation(code: code))
        try await store.updateOrganisation(updated)
        return updated
    }
}

/// The JSON body of a POST (every required field) or a PATCH (any field; `code` may not change).
/// Fields are read as plain JSON values and checked here, so each refusal names its field.
struct OrganisationBody: Decodable, Sendable {
    var code: String?
    var name: String?
    var role: String?
    var isSignatory: Bool?
    var membership: String?
    var source: String?

    /// A code is a lower-case slug of letters, digits and hyphens, 1–64 long, starting with a letter or digit.
    static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, (1...64).contains(code.count) else { return false }
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" }
        return first != "-" && code.unicodeScalars.allSatisfy(allowed)
    }

    private func checked(requireAll: Bool) throws -> (role: OrganisationRole?, membership: Organisation.Membership?) {
        var invalid: [Problem.InvalidParam] = []
        if requireAll {
            if let code {
                if !Self.isValidCode(code) {
                    invalid.append(
                        .init(
                            name: "code",
                            reason: "'\(code)' is not a code: use 1–64 lower-case letters, digits and hyphens"))
                }
            } else {
                invalid.append(.init(name: "code", reason: "is required"))
            }
            if name == nil { invalid.append(.init(name: "name", reason: "is required")) }
            if role == nil { invalid.append(.init(name: "role", reason: "is required")) }
        }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 200 {
            invalid.append(.init(name: "name", reason: "must be 1–200 characters and not blank"))
        }
        let role = role.flatMap(OrganisationRole.init(rawValue:))
        if let raw = self.role, role == nil {
            let allowed = OrganisationRole.allCases.map(\.rawValue).joined(separator: ", ")
            invalid.append(.init(name: "role", reason: "'\(raw)' is not a role; use one of \(allowed)"))
        }
        let membership = membership.flatMap(Organisation.Membership.init(rawValue:))
        if let raw = self.membership, membership == nil {
            invalid.append(.init(name: "membership", reason: "'\(raw)' is not a membership; use party or partner"))
        }
        if let source, source.count > 500 {
            invalid.append(.init(name: "source", reason: "must be at most 500 characters"))
        }
        if !invalid.isEmpty {
            throw Problem.invalidRequest(
                "the organisation was not saved: \(invalid.count) field(s) refused", invalidParams: invalid)
        }
        return (role, membership)
    }

    /// The organisation a POST describes.
    func newOrganisation() throws -> Organisation {
        let (role, membership) = try checked(requireAll: true)
        return Organisation(
            code: code!, name: name!, role: role!, isSignatory: isSignatory, membership: membership, source: source)
    }

    /// `existing` with this PATCH's fields applied.
    func applied(to existing: Organisation) throws -> Organisation {
        if let code, code != existing.code {
            throw Problem.invalidRequest(
                "an organisation's code cannot change",
                invalidParams: [.init(name: "code", reason: "is '\(existing.code)' and cannot change")])
        }
        let (role, membership) = try checked(requireAll: false)
        var updated = existing
        if let name { updated.name = name }
        if let role {
            updated.role = role
            if isSignatory == nil { updated.isSignatory = role.signsByDefault }
        }
        if let isSignatory { updated.isSignatory = isSignatory }
        if let membership { updated.membership = membership }
        if let source { updated.source = source }
        return updated
    }
}

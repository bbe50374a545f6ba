import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("Page templates and the stylesheet are resource files, read once at start", .serialized)
struct PageTemplateTests {
    /// The template resources' names, as found on disk.
    static func resourceNames(in folder: URL = PageTemplate.folder) throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return Set(files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
    }

    /// A copy of the template resources in a fresh folder, for tests that spoil one.
    static func copyOfTemplates() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-templates-\(UUID())")
        try FileManager.default.copyItem(at: PageTemplate.folder, to: folder)
        return folder
    }

    @Test("every template has a resource file, and every resource file is a template")
    func everyCaseHasAResource() throws {
        let names = try Self.resourceNames()
        #expect(names == Set(PageTemplate.allCases.map(\.rawValue)))
        #expect(names.count == PageTemplate.allCases.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: PageTemplate.folder.path)
        #expect(files.allSatisfy { $0.hasSuffix(".mustache") }, "only templates in the folder: \(files)")
    }

    @Test("a missing template stops the renderer being made, naming the template and its file")
    func missingTemplate() throws {
        let folder = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: PageTemplate.jobs.file(in: folder))
        #expect(throws: PageTemplate.Unreadable.self) { _ = try PageRenderer(templates: folder) }
        do {
            _ = try PageRenderer(templates: folder)
        } catch let error as PageTemplate.Unreadable {
            #expect(error.template == .jobs)
            #expect(error.description.contains("'jobs'") && error.description.contains("jobs.mustache"))
            #expect(error.description.contains("missing"))
        }
    }

    @Test("a template that is not valid Mustache stops the renderer being made, saying so")
    func brokenTemplate() throws {
        let folder = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<h1>{{#open}}never closed</h1>\n".utf8).write(to: PageTemplate.risks.file(in: folder))
        do {
            _ = try PageRenderer(templates: folder)
            Issue.record("a broken template was accepted")
        } catch let error as PageTemplate.Unreadable {
            #expect(error.template == .risks)
            #expect(error.description.contains("not valid Mustache"))
        }
    }

    @Test("a missing stylesheet stops the renderer being made, naming where it was looked for")
    func missingStylesheet() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).css")
        do {
            _ = try PageRenderer(stylesheet: nowhere)
            Issue.record("a missing stylesheet was accepted")
        } catch let error as Stylesheet.Missing {
            #expect(error.description.contains(nowhere.path))
        }
    }

    @Test("a template's file ends in a newline that the rendered template does not carry")
    func finalNewline() throws {
        let renderer = try PageRenderer()
        let text = String(
            decoding: try Data(contentsOf: PageTemplate.error.file(in: PageTemplate.folder)), as: UTF8.self)
        #expect(text.hasSuffix("</p>\n"))
        let rendered = renderer.render(.error, model: Problem.notFound("no such thing"))
        #expect(rendered.hasSuffix("</p>"))
        #expect(rendered.contains("<h1>Not found</h1>") && rendered.contains("<p>no such thing</p>"))
    }

    /// The page that renders `template` with the model the application builds, its status, and text
    /// only that template writes.
    static func page(of template: PageTemplate, in system: HealthSystem) -> (
        path: String, status: HTTPResponse.Status, text: String
    ) {
        switch template {
        case .layout: ("/partnership", .ok, "Skip to main content")
        case .home: ("/", .ok, "<h1>\(system.name)</h1>")
        case .area: ("/areas/east-kent", .ok, "<h1>\(system.area("east-kent")?.name ?? "?")</h1>")
        case .areaTable: ("/", .ok, #"<caption class="visually-hidden">What "#)
        case .partnership: ("/partnership", .ok, "<h1>The partnership</h1>")
        case .error: ("/areas/nowhere", .notFound, "<h1>Not found</h1>")
        case .money: ("/money", .ok, "<h1>Money</h1>")
        case .ledger: ("/money/ledger", .ok, "<h1>Ledger</h1>")
        case .settlement: ("/money/settlement", .ok, "<h1>Risk and gain share</h1>")
        case .pools: ("/money/pools", .ok, "<h1>Pools and ring-fences</h1>")
        case .assurance: ("/assurance", .ok, "<h1>Assurance</h1>")
        case .assuranceArea: ("/assurance/east-kent", .ok, "<h1>Assurance: ")
        case .assuranceAE: ("/assurance/ae", .ok, "<h1>A&amp;E: 4-hour performance of the system")
        case .returns: ("/assurance/returns", .ok, "<h1>Assurance returns</h1>")
        case .decisions: ("/decisions", .ok, "<h1>Decisions</h1>")
        case .register: ("/decisions/register", .ok, "<h1>Decision register</h1>")
        case .risks: ("/risks", .ok, "<h1>Risks and issues</h1>")
        case .programme: ("/programme", .ok, "<h1>Work programme</h1>")
        case .signIn: ("/sign-in", .ok, "<h1>Sign in</h1>")
        case .jobs: ("/jobs", .ok, "<h1>Jobs</h1>")
        case .scenarios: ("/scenarios", .ok, "<h1>Scenarios</h1>")
        case .scenarioNew: ("/scenarios/new", .ok, "<h1>New scenario</h1>")
        case .scenario: ("/scenarios/1", .ok, "<h1>Template walk</h1>")
        case .scenarioCompare: ("/scenarios/compare?a=1&b=1", .ok, "<h1>Compare scenarios</h1>")
        case .businessCases: ("/business-cases", .ok, "<h1>Business cases</h1>")
        case .businessCaseNew: ("/business-cases/new", .ok, "<h1>Draft a business case</h1>")
        // A case's own page needs a drafted case: BusinessCaseWebTests renders it.
        case .businessCase: ("/business-cases", .ok, "Draft a business case</a>")
        }
    }

    @Test("every template renders with the model its page builds from a loaded system and dataset")
    func everyTemplateRenders() async throws {
        let system = try kentMedway.get()
        let store = try await SecurityHeaderTests.datasetStore()
        _ = try await store.addScenario(
            .init(
                name: "Template walk", definition: Data("{}".utf8), author: "ana", organisation: nil, createdAt: Date())
        )
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            for template in PageTemplate.allCases {
                let page = Self.page(of: template, in: system)
                try await client.execute(uri: page.path, method: .get) { response in
                    #expect(response.status == page.status, "\(template) at \(page.path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(template)")
                    #expect(response.text.contains(page.text), "\(template) at \(page.path) lacks \(page.text)")
                    #expect(!response.text.contains("{{"), "\(template): an unrendered tag")
                }
            }
        }
    }

    @Test("the stylesheet is the resource file, served as CSS with its caching and security headers")
    func stylesheet() async throws {
        let css = String(decoding: try Data(contentsOf: Stylesheet.file), as: UTF8.self)
        #expect(css.contains("--blue:#005eb8"))
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/styles.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == css)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=3600")
                SecurityHeaderTests.expectSecurityHeaders(response, "/styles.css")
            }
        }
    }
}

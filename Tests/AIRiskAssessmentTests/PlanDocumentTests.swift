import AIRiskAccess
import AIRiskAssessment
import AIRiskXML
import Foundation
import Testing

@Suite("Assessment plan files")
struct PlanDocumentTests {
    func write(_ xml: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("plan.xml")
        try Data(xml.utf8).write(to: url)
        return url
    }

    @Test("a plan file is read with paths relative to it and every setting applied")
    func readsPlan() throws {
        let url = try write(
            """
            <plan xmlns="urn:airisk:plan:1" profile="quick" seed="9" dataSensitivity="high" access="scores" queryBudget="500" exposure="public-api">
              <model file="m.onnx" inputShape="1 8 8" imageShape="8 8"/>
              <members file="data/a.npz"/>
              <nonMembers file="/abs/b.csv" labelColumn="target"/>
              <probes><probe>membership</probe><probe>extraction</probe></probes>
              <classes>0 3</classes>
            </plan>
            """)
        let plan = try PlanDocument.read(contentsOf: url)
        let dir = url.deletingLastPathComponent()
        #expect(plan.modelURL.path == dir.appendingPathComponent("m.onnx").path)
        #expect(plan.members.url.path == dir.appendingPathComponent("data/a.npz").path)
        #expect(plan.nonMembers.url.path == "/abs/b.csv")
        #expect(plan.nonMembers.labelColumn == "target")
        #expect(plan.population == nil)
        #expect(plan.probes == [.membership, .extraction])
        #expect(plan.profile == .quick)
        #expect(plan.seed == 9)
        #expect(plan.dataSensitivity == .high)
        #expect(plan.access == .scores)
        #expect(plan.exposure == "public-api")
        #expect(plan.queryBudget == 500)
        #expect(plan.classes == [0, 3])
        #expect(plan.inputShape == [1, 8, 8])
        #expect(plan.imageShape == [8, 8])
    }

    @Test("reference models, a DP claim and a sensitive feature are read from the plan as from the command line")
    func readsReferencesAndClaims() throws {
        let url = try write(
            """
            <plan xmlns="urn:airisk:plan:1" claimedEpsilon="8" inversionObjective="logit-margin">
              <model file="m.onnx" sensitiveFeature="housing"/>
              <members file="a.npz"/>
              <nonMembers file="b.npz"/>
              <references recipe="epochs=400,l2=0" models="refs" command="python3 train.py" count="8" jobs="2"
                timeout="900" retries="0"/>
            </plan>
            """)
        let plan = try PlanDocument.read(contentsOf: url)
        #expect(plan.claimedEpsilon == 8)
        #expect(plan.inversionObjective == .logitMargin)
        #expect(plan.sensitiveFeature == "housing")
        #expect(plan.referenceRecipe == "epochs=400,l2=0")
        #expect(plan.referenceModels?.path == url.deletingLastPathComponent().appendingPathComponent("refs").path)
        let command = try #require(plan.referenceCommand)
        #expect(command.command == "python3 train.py")
        #expect(command.count == 8 && command.jobs == 2 && command.timeout == 900 && command.retries == 0)

        let bad = try write(
            """
            <plan xmlns="urn:airisk:plan:1" claimedEpsilon="-1">
              <model file="m.onnx"/><members file="a.npz"/><nonMembers file="b.npz"/>
            </plan>
            """)
        #expect(throws: (any Error).self) { try PlanDocument.read(contentsOf: bad) }
    }

    @Test("a plan that breaks its schema is rejected with every violation and its line")
    func rejectsInvalidPlan() throws {
        let url = try write(
            """
            <plan xmlns="urn:airisk:plan:1" profile="fast">
              <model/>
              <members file="a.npz"/>
            </plan>
            """)
        #expect {
            try PlanDocument.read(contentsOf: url)
        } throws: { error in
            guard case XMLError.invalid(let problems) = error else { return false }
            return problems.contains { $0.line == 1 } && problems.contains { $0.line == 2 }
        }
    }

    @Test("a plan read from memory resolves paths against the given directory and reuses a compiled schema")
    func readsPlanFromData() throws {
        let xml = Data(
            """
            <plan xmlns="urn:airisk:plan:1"><model file="m.onnx"/><members file="a.npy"/><nonMembers file="b.npy"/></plan>
            """.utf8)
        let schema = try PlanDocument.schema()
        let dir = URL(fileURLWithPath: "/plans")
        let plan = try PlanDocument.read(xml, fileName: "inline.xml", directory: dir, schema: schema)
        #expect(plan.modelURL.path == "/plans/m.onnx")
        #expect(plan.probes == ProbeKind.allCases)
        let broken = Data("<plan xmlns=\"urn:airisk:plan:1\"><model/></plan>".utf8)
        let error = #expect(throws: (any Error).self) {
            try PlanDocument.read(broken, fileName: "inline.xml", directory: dir, schema: schema)
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("inline.xml"))
    }

    @Test("the embedded plan schema accepts a minimal plan")
    func embeddedSchemaAcceptsMinimalPlan() throws {
        let sample = Data(
            #"<plan xmlns="urn:airisk:plan:1"><model file="m"/><members file="a"/><nonMembers file="b"/></plan>"#.utf8)
        #expect(try PlanDocument.schema().validate(sample, fileName: "s.xml").isEmpty)
    }

    @Test("labels files and the missing-values policy are read; the policy defaults to reject")
    func labelsFilesAndMissingValues() throws {
        let url = try write(
            """
            <plan xmlns="urn:airisk:plan:1" missingValues="keep">
              <model file="m.onnx"/>
              <members file="x_members.npy" labelsFile="y_members.npy"/>
              <nonMembers file="x_non.npy" labelsFile="labels/y_non.csv"/>
            </plan>
            """)
        let plan = try PlanDocument.read(contentsOf: url)
        let dir = url.deletingLastPathComponent()
        #expect(plan.members.labelsURL?.path == dir.appendingPathComponent("y_members.npy").path)
        #expect(plan.nonMembers.labelsURL?.path == dir.appendingPathComponent("labels/y_non.csv").path)
        #expect(plan.missingValues == .keep)
        let plain = try write(
            """
            <plan xmlns="urn:airisk:plan:1"><model file="m.onnx"/><members file="a.npz"/><nonMembers file="b.npz"/></plan>
            """)
        #expect(try PlanDocument.read(contentsOf: plain).missingValues == nil, "unset: decided by the model")
    }

    @Test(
        "values beyond Int or beyond their range are errors naming the attribute, never dropped",
        arguments: [
            (
                "queryBudget=\"100000000000000000000000\"", "",
                "queryBudget '100000000000000000000000': must be an integer"
            ),
            ("", "inputShape=\"4294967296 4294967296\"", "inputShape 4294967296,4294967296: it asks for more than"),
            ("", "inputShape=\"99999999999999999999 2\"", "inputShape '99999999999999999999': must be an integer"),
            ("", "inputShape=\"0 8\"", "every dimension must be at least 1"),
            ("", "imageShape=\"8 8 2\"", "imageShape 8,8,2: C must be 1 (grey) or 3 (RGB), not 2"),
            ("", "imageShape=\"64\"", "imageShape 64: it takes H,W or H,W,C"),
            ("missingValues=\"maybe\"", "", "missingValues"),
        ])
    func outOfRange(_ rootAttribute: String, _ modelAttribute: String, _ expected: String) throws {
        let url = try write(
            """
            <plan xmlns="urn:airisk:plan:1" \(rootAttribute)><model file="m.onnx" \(modelAttribute)/>\
            <members file="a.npz"/><nonMembers file="b.npz"/></plan>
            """)
        #expect {
            _ = try PlanDocument.read(contentsOf: url)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test("a plan path that is a directory or a named pipe is refused without reading it")
    func planNotARegularFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipe = dir.appendingPathComponent("plan.xml")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        for (url, kind) in [(dir, "a directory"), (pipe, "a named pipe (FIFO)")] {
            #expect {
                _ = try PlanDocument.read(contentsOf: url)
            } throws: { error in
                "\(error)".contains("it is \(kind), not a regular file")
            }
        }
    }
}

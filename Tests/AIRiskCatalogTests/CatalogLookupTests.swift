import Testing

@testable import AIRiskCatalog

@Suite("Looking up catalog entries")
struct CatalogLookupTests {
    @Test(
        "every kind of ID resolves to an entry of its kind",
        arguments: [
            ("ML03", CatalogEntryKind.owaspRisk), ("AML.T0024.001", .atlasTechnique), ("AML.M0002", .atlasMitigation),
            ("AML.TA0010", .atlasTactic), ("tech.fgsm", .technique), ("def.label-only", .defense),
            ("membership", .probe), ("stage.deployment", .stage), ("class.data-theft", .attackClass),
            ("mdef.round", .measurableDefense),
        ])
    func lookup(id: String, kind: CatalogEntryKind) throws {
        let catalog = try Catalog.bundled()
        let entry = try #require(catalog.entry(id: id))
        #expect(entry.id == id)
        #expect(entry.kind == kind)
    }

    @Test("lookup ignores case and surrounding blanks but not unknown IDs")
    func lookupIsForgiving() throws {
        let catalog = try Catalog.bundled()
        #expect(catalog.entry(id: " ml03 ")?.id == "ML03")
        #expect(catalog.entry(id: "aml.t0024.002")?.id == "AML.T0024.002")
        #expect(catalog.entry(id: "ML11") == nil)
    }

    @Test("ML03 carries exploitability 4 (5 / 3), detectability 2, technical 4 and five prevention headings")
    func ml03() throws {
        let risk = try #require(try Catalog.bundled().owaspRisk("ML03"))
        #expect(risk.title == "Model Inversion Attack")
        #expect(risk.exploitability.score == 4)
        #expect(risk.exploitability.mlApplication == 5)
        #expect(risk.exploitability.mlOperations == 3)
        #expect(risk.detectability.score == 2 && risk.detectability.label == "Difficult")
        #expect(risk.technicalImpact.score == 4 && risk.technicalImpact.label == "Moderate")
        #expect(
            risk.prevention.first?.headings == [
                "Access control", "Input validation", "Model transparency", "Regular monitoring", "Model retraining",
            ])
    }

    @Test("ML06 uses the 2023 values 5/5/4 and notes the later data error")
    func ml06() throws {
        let risk = try #require(try Catalog.bundled().owaspRisk("ML06"))
        #expect(risk.exploitability.score == 5)
        #expect(risk.detectability.score == 5)
        #expect(risk.technicalImpact.score == 4)
        #expect(risk.note?.contains("data error") == true)
        #expect(risk.prevention.count == 2)
    }

    @Test("AML.T0024.002 keeps its old name and maps to the extraction probe, its mitigations and defenses")
    func extractAIModel() throws {
        let catalog = try Catalog.bundled()
        let technique = try #require(catalog.atlasTechnique("AML.T0024.002"))
        #expect(technique.name == "Extract AI Model")
        #expect(technique.oldName == "Extract ML Model")
        #expect(technique.parent == "AML.T0024")
        #expect(technique.mitigations.map(\.ref) == ["AML.M0002", "AML.M0004", "AML.M0024"])
        #expect(catalog.probes(atlasTechnique: "AML.T0024.002").map(\.id) == ["extraction"])
        let probe = try #require(catalog.probe("extraction"))
        let defenses = catalog.defenses(forProbe: probe).map(\.id)
        #expect(defenses.contains("def.model-access-control"))
        #expect(defenses.contains("def.stolen-model-detection"))
        #expect(probe.nist.id == "NISTAML.031")
        #expect(probe.owasp.map(\.ref) == ["ML05"])
    }

    @Test("each probe maps to its cell, OWASP risk, ATLAS technique and NIST AI 100-2 E2025 ID")
    func probeMappings() throws {
        let catalog = try Catalog.bundled()
        let expected: [(String, String, String, String, String)] = [
            ("membership", "class.data-theft", "ML04", "AML.T0024.000", "NISTAML.033"),
            ("inversion", "class.data-theft", "ML03", "AML.T0024.001", "NISTAML.032"),
            ("extraction", "class.model-theft", "ML05", "AML.T0024.002", "NISTAML.031"),
        ]
        for (id, cls, owasp, atlas, nist) in expected {
            let probe = try #require(catalog.probe(id))
            #expect(probe.stage == "stage.deployment")
            #expect(probe.attackClass == cls)
            #expect(probe.owasp.map(\.ref) == [owasp])
            #expect(probe.atlas.map(\.ref) == [atlas])
            #expect(probe.nist.id == nist && probe.nist.edition == "E2025")
            // The NISTAML IDs rest on secondary sources only.
            #expect(probe.nist.status == .unverified)
        }
    }

    @Test("each probe carries AISVS 1.0, EU AI Act Art. 15(5), ISO/IEC 42001 and AI Exchange references")
    func complianceRequirements() throws {
        let catalog = try Catalog.bundled()
        #expect(catalog.mappings.atlasVersion == "5.6.0")
        #expect(catalog.mappings.nistEdition == "E2025")
        let tested: [String: String] = ["membership": "11.3.3", "inversion": "C11.4", "extraction": "C11.5"]
        for (id, aisvs) in tested {
            let probe = try #require(catalog.probe(id))
            let requirements = probe.requirements.filter { $0.kind == .requirement }
            #expect(requirements.contains { $0.framework == "OWASP AISVS 1.0" && $0.ref == aisvs })
            let eu = try #require(probe.requirements.first { $0.framework == "EU AI Act" })
            #expect(eu.ref == "Art. 15(5)" && eu.kind == .requirement && eu.status == .unverified)
            #expect(eu.text.contains("confidentiality attacks"))
            let iso = try #require(probe.requirements.first { $0.framework.hasPrefix("ISO/IEC 42001") })
            #expect(iso.ref == "A.6.2.4" && iso.status == .unverified)
            #expect(probe.requirements.contains { $0.framework == "OWASP AI Exchange" && $0.ref == "#RATELIMIT" })
            // Anything not confirmed in a primary source says so in a note or its status.
            for r in probe.requirements where r.status == .unverified {
                #expect(r.note != nil, "\(id) \(r.framework) \(r.ref) is unverified without a note")
            }
        }
    }

    @Test("the matrix lists the techniques and defenses of every cell")
    func matrixCells() throws {
        let matrix = try Catalog.bundled().matrix
        for cls in matrix.classes {
            #expect(!matrix.techniques(inClass: cls.id).isEmpty, "\(cls.id) has no technique")
            #expect(!matrix.defenses(inClass: cls.id).isEmpty, "\(cls.id) has no defense")
        }
        #expect(matrix.defenses(inClass: "class.adversarial-examples").count == 6)
        #expect(matrix.defenses(inClass: "class.model-poisoning").count == 5)
        #expect(matrix.defenses(inClass: "class.data-theft").count == 6)
        #expect(matrix.defenses(inClass: "class.model-theft").count == 3)
        #expect(matrix.defenses(inClass: "class.data-poisoning").map(\.id) == ["def.strip"])
        let ids = matrix.techniques.map(\.id)
        for required in [
            "tech.convex-polytope", "tech.ml-framework-abuse", "tech.fgsm", "tech.membership-inference",
            "tech.model-inversion", "tech.copycat-cnn", "tech.equation-solving-extraction",
            "tech.temperature-distillation-extraction",
        ] {
            #expect(ids.contains(required))
        }
    }
}

@Suite("Catalog mappings")
struct CatalogMappingTests {
    @Test("every matrix defense maps to an ATLAS mitigation or explains why none fits")
    func defenseMappings() throws {
        let catalog = try Catalog.bundled()
        for defense in catalog.matrix.defenses {
            let mapping = try #require(catalog.defenseMapping(for: defense.id), "\(defense.id) is unmapped")
            #expect(!mapping.mitigations.isEmpty || mapping.note != nil, "\(defense.id) has no mitigation and no note")
        }
    }

    @Test(
        "the measurable defenses cover round, top-k, label-only, noise, temperature, reverse-sigmoid, query limit, DP-SGD, L2, dropout and early stopping"
    )
    func measurableDefenses() throws {
        let catalog = try Catalog.bundled()
        let expected: [String: String] = [
            "mdef.round": "def.mask-confidence", "mdef.top-k": "def.mask-confidence",
            "mdef.label-only": "def.label-only", "mdef.noise": "def.mask-confidence",
            "mdef.temperature": "def.mask-confidence", "mdef.query-limit": "def.model-access-control",
            "mdef.dp-sgd": "def.differential-privacy", "mdef.l2": "def.suppress-overfitting",
            "mdef.reverse-sigmoid": "def.mask-confidence", "mdef.dropout": "def.suppress-overfitting",
            "mdef.early-stopping": "def.suppress-overfitting",
        ]
        #expect(Set(catalog.mappings.measurableDefenses.map(\.id)) == Set(expected.keys))
        for (id, defense) in expected {
            let m = try #require(catalog.measurableDefense(id))
            #expect(m.implements.contains { $0.ref == defense }, "\(id) should implement \(defense)")
            #expect(!m.reducesProbes.isEmpty)
        }
    }

    @Test("ATLAS names keep the old ML names beside the current AI names")
    func atlasRenames() throws {
        let atlas = try Catalog.bundled().atlas
        let pairs: [(String, String, String?)] = [
            ("AML.T0024", "Exfiltration via AI Inference API", "Exfiltration via ML Inference API"),
            ("AML.T0024.000", "Infer Training Data Membership", nil),
            ("AML.T0024.001", "Invert AI Model", "Invert ML Model"),
            ("AML.T0018", "Manipulate AI Model", "Backdoor ML Model"),
        ]
        for (id, name, old) in pairs {
            let t = try #require(atlas.techniques.first { $0.id == id })
            #expect(t.name == name)
            #expect(t.oldName == old)
        }
        let m0002 = try #require(atlas.mitigations.first { $0.id == "AML.M0002" })
        #expect(m0002.oldName == "Passive ML Output Obfuscation")
        #expect(atlas.techniques(mitigatedBy: "AML.M0002").map(\.id).contains("AML.T0024.002"))
    }

    @Test("technique papers carry title, year, authors and their verification status")
    func papers() throws {
        let catalog = try Catalog.bundled()
        let tramer = try #require(catalog.technique("tech.equation-solving-extraction")?.paper)
        #expect(tramer.title == "Stealing Machine Learning Models via Prediction APIs")
        #expect(tramer.year == 2016)
        #expect(tramer.authors.first == "Florian Tramèr" && tramer.authors.count == 5)
        let seed004 = try #require(catalog.technique("tech.temperature-distillation-extraction"))
        #expect(seed004.paper?.year == nil)
        #expect(seed004.note?.contains("UNVERIFIED") == true)
        #expect(seed004.paper?.authors.count == 3)
        let abuse = try #require(catalog.technique("tech.ml-framework-abuse")?.paper)
        #expect(abuse.status == .unverified)
        #expect(catalog.technique("tech.fgsm")?.paper?.authorsStatus == .unverified)
    }
}

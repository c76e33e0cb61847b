import AIRiskCatalog
import Foundation
import Testing

@testable import AIRiskCLI

@Suite("Rendering the catalog commands")
struct CatalogRenderingTests {
    @Test("matrix --lang ja shows all three stages, five attack classes and their defenses in Japanese")
    func matrixJapanese() throws {
        let catalog = try Catalog.bundled()
        let text = MatrixRenderer.text(catalog, language: .ja, width: 200)
        for heading in ["開発工程", "攻撃分類", "攻撃手法", "防御手法"] { #expect(text.contains(heading)) }
        for stage in ["学習データの収集/作成", "モデルの学習/作成", "モデルの設置"] { #expect(text.contains(stage)) }
        for cls in ["データ汚染", "モデル汚染", "敵対的サンプル", "データ窃取", "モデル窃取"] { #expect(text.contains(cls)) }
        for defense in [
            "トリガーの検知 (STRIP)", "信頼できる事前学習モデルの利用", "敵対的学習", "特徴量の絞り込み", "AIによる検出",
            "過学習の抑制", "差分プライバシー", "ラベルのみ応答", "信頼スコアのマスキング", "勾配情報のマスキング",
            "モデルのアクセス制御", "学習データのアクセス制御", "窃取モデルの検知",
        ] {
            #expect(text.contains(defense), "missing \(defense)")
        }
        #expect(text.contains("メンバーシップ推論攻撃"))
        #expect(text.contains("(*) airisk"))
        #expect(!text.contains("Data poisoning"))
    }

    @Test("matrix rows fit the requested width, counting wide characters as two columns", arguments: [80, 100, 140])
    func matrixWidth(width: Int) throws {
        let catalog = try Catalog.bundled()
        for language in Language.allCases {
            let text = MatrixRenderer.text(catalog, language: language, width: width)
            let lines = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") || $0.hasPrefix("+") }
            let widths = Set(lines.map(TerminalText.width))
            #expect(widths.count == 1, "\(language) rows differ in width: \(widths)")
            #expect((widths.first ?? 0) <= width)
        }
    }

    @Test("matrix --lang en names every class and technique in English")
    func matrixEnglish() throws {
        let text = MatrixRenderer.text(try Catalog.bundled(), language: .en, width: 240)
        for name in [
            "Data Preparation", "Model Fitting", "Deployment", "Convex Polytope Attack", "Copycat CNN",
            "Membership Inference Attacks", "Feature squeezing", "Detect stolen (copied) models",
        ] {
            #expect(text.contains(name), "missing \(name)")
        }
    }

    @Test("matrix --format json lists the cells with IDs")
    func matrixJSON() throws {
        let json = try MatrixRenderer.json(try Catalog.bundled(), language: .ja)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.count == 3)
        let classes = stages.flatMap { ($0["classes"] as? [[String: Any]]) ?? [] }
        #expect(classes.count == 5)
        #expect(json.contains("\"def.strip\""))
    }

    @Test("show ML03 prints exploitability 4 (5 / 3), detectability 2, technical 4 and the five prevention headings")
    func showML03() throws {
        let catalog = try Catalog.bundled()
        let text = EntryRenderer.text(try #require(catalog.entry(id: "ML03")), in: catalog, language: .en)
        #expect(text.contains("Exploitability: 4 (Moderate) — ML application 5 / ML operations 3"))
        #expect(text.contains("Detectability: 2 (Difficult)"))
        #expect(text.contains("Technical impact: 4 (Moderate)"))
        for heading in [
            "Access control", "Input validation", "Model transparency", "Regular monitoring",
            "Model retraining",
        ] {
            #expect(text.contains("  - \(heading)"))
        }
        #expect(text.contains("inversion"))
        #expect(text.contains("AML.T0024.001"))
    }

    @Test("show AML.T0024.002 names the technique, its old name, the extraction probe, mitigations and defenses")
    func showExtractAIModel() throws {
        let catalog = try Catalog.bundled()
        let text = EntryRenderer.text(try #require(catalog.entry(id: "AML.T0024.002")), in: catalog, language: .en)
        #expect(text.contains("Extract AI Model"))
        #expect(text.contains("Old name (ATLAS 4.5.2): Extract ML Model"))
        #expect(text.contains("extraction Model extraction"))
        for mitigation in ["AML.M0002", "AML.M0004", "AML.M0024"] { #expect(text.contains(mitigation)) }
        for defense in ["def.model-access-control", "def.training-data-access-control", "def.stolen-model-detection"] {
            #expect(text.contains(defense))
        }
    }

    @Test("show --format json carries the entry and its relations")
    func showJSON() throws {
        let catalog = try Catalog.bundled()
        let json = try EntryRenderer.json(try #require(catalog.entry(id: "ML03")), in: catalog)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "ML03")
        #expect(object["kind"] as? String == "owasp")
        let entry = try #require(object["entry"] as? [String: Any])
        let exploitability = try #require(entry["exploitability"] as? [String: Any])
        #expect(exploitability["score"] as? Int == 4)
        #expect(exploitability["mlApplication"] as? Int == 5)
        let related = try #require(object["related"] as? [[String: Any]])
        #expect(related.contains { $0["id"] as? String == "inversion" })
    }

    @Test("every entry renders in text and JSON")
    func everyEntryRenders() throws {
        let catalog = try Catalog.bundled()
        for entry in catalog.entries {
            let text = EntryRenderer.text(entry, in: catalog, language: .ja)
            #expect(text.hasPrefix(entry.id + " — "))
            _ = try EntryRenderer.json(entry, in: catalog)
        }
    }

    @Test("list prints every ID, and --kind filters")
    func list() throws {
        let catalog = try Catalog.bundled()
        let all = EntryListRenderer.text(catalog, kind: nil, language: .en)
        for id in [
            "stage.deployment", "class.model-theft", "tech.copycat-cnn", "def.strip", "ML10", "AML.TA0010",
            "AML.T0024.000", "AML.M0025", "membership", "mdef.dp-sgd",
        ] {
            #expect(all.contains(id), "missing \(id)")
        }
        let probes = EntryListRenderer.text(catalog, kind: .probe, language: .en)
        #expect(probes.contains("extraction"))
        #expect(!probes.contains("ML03"))
        let json = try EntryListRenderer.json(catalog, kind: .owaspRisk, language: .en)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.count == 10)
    }
}

@Suite("Showing a probe")
struct ProbeRenderingTests {
    @Test("show membership prints its cell, NIST AI 100-2 E2025 ID, requirements, factor defaults and metric bands")
    func membership() throws {
        let catalog = try Catalog.bundled()
        let text = EntryRenderer.text(try #require(catalog.entry(id: "membership")), in: catalog, language: .en)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Matrix cell: Deployment / Data theft"))
        #expect(text.contains("NISTAML.033 Membership Inference [unverified]"))
        #expect(text.contains("OWASP AISVS 1.0: 11.3.3 (requirement)"))
        #expect(text.contains("EU AI Act: Art. 15(5) (requirement)"))
        #expect(text.contains("exploit derived from owasp-exploitability"))
        #expect(
            text.contains(
                "membership.leakage (Attack AUC: lower bound above 0.5, as a share of the way to 1): <0.05 → 2, 0.05–0.1 → 4"
            ))
        #expect(text.contains("≥0.5 → 9"))
        #expect(text.contains("ML04"))
        #expect(text.contains("AML.T0024.000"))
    }
}

import AIRiskResults
import Foundation

/// A realistic results document with every field populated, hostile strings where a renderer could be fooled,
/// Japanese text, and small PNG images. Shared by the results and report tests.
package enum SampleResults {
    package static let hostileName = "<script>alert(1)</script> & \"quoted\" 'model'"
    package static let digitPNG = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAL0lEQVR4nGNgYIg6cSKKAQgCntnYPAsAMrZUMDBUbAEy7tgwMNjcQWbApeCKodoBueYTYVo5vokAAAAASUVORK5CYII="
    )!
    package static let meanPNG = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAMUlEQVR4nGOQk4tdtSpWTo5BLmy/h8f+MCBjTpGcXNEcIGOHh5ycxw5kBlwKrhiqHQD2phURV3cQMgAAAABJRU5ErkJggg=="
    )!

    package static func make() -> AssessmentResults {
        var results = AssessmentResults(
            tool: ToolInfo(name: "airisk", version: "0.1.0"),
            generatedAt: Date(timeIntervalSince1970: 1_795_420_800),
            seed: 42,
            profile: "quick",
            budgets: [
                Budget(name: "membership.shadowModels", value: 4), Budget(name: "extraction.queries", value: 5000),
                Budget(name: "inversion.restarts", value: 2), Budget(name: "inversion.learningRate", value: 0.05),
            ],
            dataSensitivity: .high,
            status: .complete,
            warnings: ["members and non-members look swapped <check>"],
            model: ModelIdentity(
                name: hostileName, sourceKind: .file, location: "fixtures/digits_mlp.onnx",
                sha256: String(repeating: "ab", count: 32), producer: "skl2onnx 1.17.0", opset: 17,
                operators: ["Gemm", "Relu", "Softmax"], inputShape: [nil, 64], outputKind: "probabilities",
                accessLevel: "white-box"),
            dataSets: [
                DataSetRecord(
                    role: .members, file: "fixtures/members.npy", sha256: String(repeating: "01", count: 32),
                    rows: 500, features: 64),
                DataSetRecord(
                    role: .nonmembers, file: "fixtures/nonmembers.npy", sha256: String(repeating: "23", count: 32),
                    rows: 500, features: 64),
                DataSetRecord(
                    role: .population, file: "fixtures/population.npy", sha256: String(repeating: "45", count: 32),
                    rows: 797, features: 64),
            ],
            environment: EnvironmentInfo(
                operatingSystem: "Debian GNU/Linux 12 (bookworm)", cpuCount: 2,
                swiftVersion: "Swift version 6.3.1 (swift-6.3.1-RELEASE)"),
            probes: [membership, inversion, extraction],
            findings: findings,
            matrix: matrix,
            defenses: defenses,
            definitions: [
                Definition(
                    term: "AUC", text: "Area under the ROC curve of the membership attack; 0.5 is guessing.",
                    reference: "Shokri et al. 2017"),
                Definition(
                    term: "TPR @ 0.1% FPR",
                    text: "Share of members identified while wrongly flagging at most 0.1 % of non-members.",
                    reference: "Carlini et al. 2022, LiRA"),
                Definition(term: "Fidelity", text: "Agreement of the surrogate's labels with the target's (一致率)."),
            ])
        results.compliance = compliance
        results.gate = .high
        return results
    }

    /// The 2026 compliance references as the catalog maps them, one hostile text among them.
    package static let compliance: [ComplianceReference] = [
        ComplianceReference(
            probeID: "membership", framework: "NIST AI 100-2 E2025", ref: "NISTAML.033", kind: .reference,
            status: "unverified", text: "Membership Inference", url: "https://doi.org/10.6028/NIST.AI.100-2e2025"),
        ComplianceReference(
            probeID: "membership", framework: "MITRE ATLAS 5.6.0", ref: "AML.T0024.000", kind: .reference,
            status: "verified", text: "Infer Training Data Membership",
            url: "https://atlas.mitre.org/techniques/AML.T0024.000"),
        ComplianceReference(
            probeID: "membership", framework: "OWASP AISVS 1.0", ref: "11.3.3", kind: .requirement,
            status: "verified", text: "Attack simulations show accuracy not meaningfully above guessing <b>.",
            url: "https://github.com/OWASP/AISVS/blob/main/1.0/en/0x10-C11-Adversarial-Robustness.md"),
        ComplianceReference(
            probeID: "membership", framework: "EU AI Act", ref: "Art. 15(5)", kind: .requirement,
            status: "unverified", text: "Resilience against confidentiality attacks."),
        ComplianceReference(
            probeID: "membership", framework: "ISO/IEC 42001:2023", ref: "A.6.2.4", kind: .reference,
            status: "unverified", text: "AI system verification and validation."),
        ComplianceReference(
            probeID: "inversion", framework: "NIST AI 100-2 E2025", ref: "NISTAML.032", kind: .reference,
            status: "unverified", text: "Data Reconstruction"),
        ComplianceReference(
            probeID: "inversion", framework: "OWASP AISVS 1.0", ref: "C11.4", kind: .requirement,
            status: "verified", text: "Model-inversion resistance."),
        ComplianceReference(
            probeID: "extraction", framework: "NIST AI 100-2 E2025", ref: "NISTAML.031", kind: .reference,
            status: "unverified", text: "Model Extraction"),
        ComplianceReference(
            probeID: "extraction", framework: "OWASP AISVS 1.0", ref: "C11.5", kind: .requirement,
            status: "verified", text: "Model-extraction defense."),
    ]

    package static var rocPoints: [CurvePoint] {
        // A convex ROC curve above the diagonal, sampled on a log grid of false-positive rates.
        (0...24).map { i in
            let fpr = pow(10, -3 + Double(i) / 8)
            return CurvePoint(x: min(fpr, 1), y: min(1, pow(min(fpr, 1), 0.35)))
        }
    }

    package static let membership = ProbeResult(
        id: "membership", title: "Membership inference (メンバーシップ推論)", accessAssumed: "scores",
        queries: QueryUsage(calls: 12, rows: 1000, gradientCalls: 0, budget: 2000), wallTimeSeconds: 1.25,
        seed: 7_001, status: .ran,
        notes: [
            "Loss-threshold attack calibrated on 4 shadow models.",
            "Hostile note: <img src=x onerror=alert(2)> </div><script>alert(3)</script>",
            "過学習の兆候があります。\nSecond line.",
        ],
        metrics: [
            Metric(name: "AUC", value: 0.81, ciLow: 0.78, ciHigh: 0.84, basis: "n=500 members, 500 non-members"),
            Metric(
                name: "TPR @ 0.1% FPR", value: 9, unit: "%", ciLow: 5, ciHigh: 13,
                basis: "n=500 non-members"),
            Metric(name: "Max advantage", value: 0.46),
            Metric(name: "Empirical ε lower bound", value: 1.9, basis: "Clopper-Pearson 95%"),
            Metric(name: "Generalisation gap", value: 0.12, unit: "accuracy"),
        ],
        tables: [
            ResultTable(
                title: "Attacks compared", columns: ["attack", "AUC", "TPR @ 1% FPR"],
                rows: [
                    [.text("loss threshold"), .number(0.79), .number(0.21)],
                    [.text("LiRA (offline)"), .number(0.81), .number(0.28)],
                ])
        ],
        curves: [
            Curve(
                title: "ROC (log-log)", xLabel: "False positive rate", yLabel: "True positive rate", logX: true,
                logY: true, diagonal: true,
                series: [
                    CurveSeries(name: "LiRA", points: rocPoints),
                    CurveSeries(
                        name: "loss threshold",
                        points: rocPoints.map { CurvePoint(x: $0.x, y: min(1, max($0.x, $0.y * 0.8))) }),
                ])
        ],
        histograms: [
            Histogram(
                title: "Loss: members vs non-members", xLabel: "loss",
                edges: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2],
                series: [
                    HistogramSeries(name: "members", counts: [210, 140, 70, 40, 20, 10, 6, 4]),
                    HistogramSeries(name: "non-members", counts: [90, 100, 95, 80, 55, 40, 25, 15]),
                ])
        ])

    package static let inversion = ProbeResult(
        id: "inversion", title: "Model inversion", accessAssumed: "white-box",
        queries: QueryUsage(calls: 0, rows: 0, gradientCalls: 3000), wallTimeSeconds: 4.5, seed: 7_002,
        status: .ran, notes: ["MI-Face with α=0.1, β=5, γ=0.99, λ=0.01."],
        metrics: [
            Metric(
                name: "Attack accuracy", value: 0.7, ciLow: 0.35, ciHigh: 0.93, basis: "10 classes, evaluation model"),
            Metric(name: "Mean target confidence", value: 0.97),
        ],
        tables: [
            ResultTable(
                title: "Per class", columns: ["class", "confidence", "MSE to class mean"],
                rows: [[.text("0"), .number(0.99), .number(0.021)], [.text("1"), .number(0.95), .number(0.034)]])
        ],
        images: [
            ImageArtifact(
                title: "Reconstruction of class 0", caption: "MI-Face output", classLabel: "0", content: .png(digitPNG),
                width: 8, height: 8),
            ImageArtifact(
                title: "Class mean 0", caption: "mean of member images (クラス平均)", classLabel: "0",
                content: .png(meanPNG), width: 8, height: 8),
            ImageArtifact(
                title: "Reconstruction on disk", caption: "kept beside the results", classLabel: "1",
                content: .file("images/inversion-class-1.png"), width: 8, height: 8),
        ])

    package static let extraction = ProbeResult(
        id: "extraction", title: "Model extraction", accessAssumed: "labels-only",
        queries: QueryUsage(calls: 50, rows: 5000, gradientCalls: 0, budget: 5000), wallTimeSeconds: 2.75,
        seed: 7_003, status: .ran, notes: [],
        metrics: [
            Metric(name: "Fidelity", value: 94.3, unit: "%", basis: "n=1000 held-out population rows"),
            Metric(name: "Queries to 90% fidelity", value: 1200, unit: "queries"),
        ],
        curves: [
            Curve(
                title: "Fidelity vs queries", xLabel: "queries", yLabel: "fidelity", logX: true,
                series: [
                    CurveSeries(
                        name: "hard labels",
                        points: [100, 200, 500, 1000, 2000, 5000].map {
                            CurvePoint(x: $0, y: 1 - 0.6 * pow($0 / 100, -0.5))
                        }),
                    CurveSeries(
                        name: "soft labels T=4",
                        points: [100, 200, 500, 1000, 2000, 5000].map {
                            CurvePoint(x: $0, y: 1 - 0.5 * pow($0 / 100, -0.6))
                        }),
                ])
        ])

    package static let findings: [Finding] = [
        Finding(
            id: "F-membership", probeID: "membership", title: "Training records are identifiable (<b>bold?</b>)",
            severity: .high, likelihood: RiskFactor(score: 6.5), impact: RiskFactor(score: 7),
            rationale: "TPR of 9 % at 0.1 % FPR exceeds the policy's 5 % threshold; data sensitivity is high.",
            stageID: "stage.deployment", classID: "class.data-theft",
            owasp: Reference(id: "ML04", name: "Membership Inference Attack"),
            atlas: Reference(id: "AML.T0024.000", name: "Infer Training Data Membership"),
            nistSection: "NIST AI 100-2e2023 §4.3.2",
            recommendedDefenses: [
                RecommendedDefense(
                    id: "def.mask-confidence", name: "Mask confidence scores", evidence: .measured,
                    measurement: DefenseMeasurement(probeID: "membership", metric: "AUC", before: 0.81, after: 0.62)),
                RecommendedDefense(id: "def.differential-privacy", name: "Differential privacy", evidence: .catalog),
            ],
            headline: Metric(
                name: "Headline: TPR at 1 % FPR", value: 0.09, unit: "fraction", ciLow: 0.06, ciHigh: 0.13,
                basis: "LiRA online; chance 0.010"),
            context: "data sensitivity high (7), exposure public-api (+0), scores access (+0)"),
        Finding(
            id: "F-inversion", probeID: "inversion", title: "Class representatives can be reconstructed",
            severity: .medium, likelihood: RiskFactor(score: 4), impact: RiskFactor(score: 5.5),
            rationale: "Reconstructions reach 70 % attack accuracy.", stageID: "stage.deployment",
            classID: "class.data-theft", owasp: Reference(id: "ML03", name: "Model Inversion Attack"),
            atlas: Reference(id: "AML.T0024.001", name: "Invert AI Model"), nistSection: "NIST AI 100-2e2023 §4.3.1",
            recommendedDefenses: [
                RecommendedDefense(id: "def.mask-gradient", name: "Mask gradient information", evidence: .catalog)
            ]),
        Finding(
            id: "F-extraction", probeID: "extraction", title: "The model can be copied with 1,200 queries",
            severity: .critical, likelihood: RiskFactor(score: 8, level: .high), impact: RiskFactor(score: 7.5),
            rationale: "94 % fidelity within the 5,000-query budget.", stageID: "stage.deployment",
            classID: "class.model-theft", owasp: Reference(id: "ML05", name: "Model Theft"),
            atlas: Reference(id: "AML.T0024.002", name: "Extract AI Model"), nistSection: "NIST AI 100-2e2023 §4.4",
            recommendedDefenses: [
                RecommendedDefense(id: "def.model-access-control", name: "Model access control", evidence: .catalog)
            ]),
    ]

    package static let matrix = MatrixSnapshot(
        stages: [
            MatrixStage(id: "stage.data-preparation", name: "Data Preparation", nameJA: "学習データの収集/作成"),
            MatrixStage(id: "stage.model-fitting", name: "Model Fitting", nameJA: "モデルの学習/作成"),
            MatrixStage(id: "stage.deployment", name: "Deployment", nameJA: "モデルの設置"),
        ],
        classes: [
            MatrixClass(id: "class.data-poisoning", name: "Data poisoning", nameJA: "データ汚染"),
            MatrixClass(id: "class.model-poisoning", name: "Model poisoning", nameJA: "モデル汚染"),
            MatrixClass(id: "class.adversarial-examples", name: "Adversarial examples", nameJA: "敵対的サンプル"),
            MatrixClass(id: "class.data-theft", name: "Data theft", nameJA: "データ窃取"),
            MatrixClass(id: "class.model-theft", name: "Model theft", nameJA: "モデル窃取"),
        ],
        cells: [
            MatrixCell(
                stageID: "stage.data-preparation", classID: "class.data-poisoning",
                techniques: [MatrixEntry(id: "tech.convex-polytope", name: "Convex Polytope Attack")],
                defenses: [MatrixEntry(id: "def.strip", name: "Trigger detection (STRIP)", nameJA: "トリガーの検知")]),
            MatrixCell(
                stageID: "stage.model-fitting", classID: "class.model-poisoning",
                techniques: [
                    MatrixEntry(
                        id: "tech.ml-framework-abuse", name: "Abuse of the ML framework", nameJA: "機械学習フレームワークの悪用")
                ],
                defenses: [
                    MatrixEntry(id: "def.sandbox", name: "Run in a sandbox", nameJA: "サンドボックス環境の利用"),
                    MatrixEntry(id: "def.least-privilege", name: "Least privilege", nameJA: "必要最低限の権限によるAIの稼働"),
                ]),
            MatrixCell(
                stageID: "stage.deployment", classID: "class.adversarial-examples",
                techniques: [MatrixEntry(id: "tech.fgsm", name: "FGSM")],
                defenses: [
                    MatrixEntry(id: "def.adversarial-training", name: "Adversarial training", nameJA: "敵対的学習"),
                    MatrixEntry(id: "def.feature-squeezing", name: "Feature squeezing", nameJA: "特徴量の絞り込み"),
                ]),
            MatrixCell(
                stageID: "stage.deployment", classID: "class.data-theft",
                techniques: [
                    MatrixEntry(id: "tech.membership-inference", name: "Membership inference", nameJA: "メンバーシップ推論攻撃"),
                    MatrixEntry(id: "tech.model-inversion", name: "Model inversion"),
                ],
                defenses: [
                    MatrixEntry(id: "def.mask-confidence", name: "Mask confidence scores", nameJA: "信頼スコアのマスキング"),
                    MatrixEntry(id: "def.differential-privacy", name: "Differential privacy", nameJA: "差分プライバシー"),
                ],
                assessedBy: ["membership", "inversion"]),
            MatrixCell(
                stageID: "stage.deployment", classID: "class.model-theft",
                techniques: [MatrixEntry(id: "tech.copycat-cnn", name: "Copycat CNN")],
                defenses: [
                    MatrixEntry(id: "def.model-access-control", name: "Model access control", nameJA: "モデルのアクセス制御")
                ],
                assessedBy: ["extraction"]),
        ])

    package static let defenses: [DefenseEvidence] = [
        DefenseEvidence(
            id: "def.mask-confidence", name: "Mask confidence scores", nameJA: "信頼スコアのマスキング",
            stageID: "stage.deployment", classID: "class.data-theft", evidence: .measured,
            measurements: [DefenseMeasurement(probeID: "membership", metric: "AUC", before: 0.81, after: 0.62)],
            utilityChange: -0.004, source: "MBSD AI Security Matrix", notes: "Rounded to 1 decimal."),
        DefenseEvidence(
            id: "def.differential-privacy", name: "Differential privacy", nameJA: "差分プライバシー",
            stageID: "stage.deployment", classID: "class.data-theft", evidence: .catalog,
            source: "Abadi et al. 2016"),
        DefenseEvidence(
            id: "def.model-access-control", name: "Model access control", stageID: "stage.deployment",
            classID: "class.model-theft", evidence: .catalog),
    ]
}

import AIRiskResults

/// The report's UI labels in English and Japanese.
enum ReportStrings {
    /// Label key → (English, Japanese).
    static let table: [String: (en: String, ja: String)] = [
        "title": ("AI model privacy risk report", "AIモデル プライバシーリスク評価レポート"),
        "model": ("Model", "モデル"),
        "generated": ("Generated", "作成日時"),
        "seed": ("seed", "シード"),
        "profile": ("profile", "プロファイル"),
        "incomplete": ("Assessment incomplete:", "評価は完了していません:"),
        "warning": ("Warning:", "警告:"),
        "context": ("Context:", "前提:"),
        "headline": ("Headline:", "主要指標:"),
        "summary": ("Executive summary", "エグゼクティブサマリー"),
        "overall": ("Overall risk", "総合リスク"),
        "summaryIntro": (
            "Overall risk is the highest severity among the findings. Declared data sensitivity:",
            "総合リスクは検出事項の最も高い深刻度です。申告されたデータの機微度:"
        ),
        "topFindings": ("Top findings", "主な検出事項"),
        "noFindings": ("No findings were scored.", "スコア付けされた検出事項はありません。"),
        "severity": ("Severity", "深刻度"),
        "finding": ("Finding", "検出事項"),
        "matrixCell": ("Matrix cell", "マトリックス上の位置"),
        "likelihood": ("Likelihood", "発生可能性"),
        "impact": ("Impact", "影響度"),
        "matrix": ("AI Security Matrix: coverage and findings", "AIセキュリティ・マトリックス: 評価範囲と検出事項"),
        "matrixIntro": (
            "Each cell is a lifecycle stage × attack class. Coloured cells hold this model's findings; "
                + "cells no probe covered are marked “not assessed” with the catalog's defenses, so this table is "
                + "also a statement of what the assessment did not test.",
            "各セルは開発工程 × 攻撃分類です。色付きのセルはこのモデルの検出事項を示し、どのプローブも評価していない"
                + "セルは「未評価」としてカタログ上の防御手法とともに示します。この表は評価しなかった範囲の表明でもあります。"
        ),
        "stage": ("Stage", "開発工程"),
        "attackClass": ("Attack class", "攻撃分類"),
        "assessedBy": ("Assessed by", "評価プローブ"),
        "techniques": ("Techniques", "攻撃手法"),
        "catalogDefenses": ("Catalog defenses", "カタログ上の防御手法"),
        "notAssessed": ("Not assessed", "未評価"),
        "assessedClear": ("Assessed, no finding", "評価済み・検出なし"),
        "notApplicable": ("Not part of this stage", "この工程には該当しない"),
        "unplaced": ("Findings outside the matrix cells above", "上の表のセルに該当しない検出事項"),
        "probes": ("Probes", "プローブ"),
        "status": ("Status", "状態"),
        "access": ("access", "アクセス"),
        "queries": ("queries", "クエリ"),
        "wallTime": ("time", "所要時間"),
        "calls": ("calls", "回"),
        "queryRows": ("rows", "行"),
        "gradientCalls": ("gradient calls", "回の勾配計算"),
        "budget": ("budget", "予算"),
        "metric": ("Metric", "指標"),
        "value": ("Value", "値"),
        "ci": ("Confidence interval", "信頼区間"),
        "basis": ("Basis", "根拠"),
        "images": ("Reconstructions and references", "復元画像と参照画像"),
        "class": ("class", "クラス"),
        "notes": ("Notes", "注記"),
        "defenses": ("Defenses and evidence", "防御手法と根拠"),
        "defensesIntro": (
            "“Measured” defenses were applied and the probes re-run behind them; “catalog” defenses are recommended "
                + "from the catalog alone.",
            "「実測」は防御を適用してプローブを再実行した結果、「カタログ」はカタログの記載のみに基づく推奨です。"
        ),
        "defense": ("Defense", "防御手法"),
        "evidence": ("Evidence", "根拠"),
        "measured": ("Measured change", "実測の変化"),
        "utility": ("Accuracy change", "精度の変化"),
        "source": ("Source", "出典"),
        "evidence.measured": ("measured", "実測"),
        "evidence.catalog": ("catalog", "カタログ"),
        "methods": ("Methods and metric definitions", "手法と指標の定義"),
        "environment": ("Model, data and environment", "モデル・データ・実行環境"),
        "producer": ("Producer", "作成ツール"),
        "operators": ("Operators", "演算子"),
        "inputShape": ("Input shape", "入力形状"),
        "output": ("Output", "出力"),
        "dataSensitivity": ("Data sensitivity", "データの機微度"),
        "budgets": ("Budgets", "予算"),
        "system": ("System", "システム"),
        "dataSets": ("Data sets", "データセット"),
        "role": ("Role", "役割"),
        "file": ("File", "ファイル"),
        "rows": ("Rows", "行数"),
        "features": ("Features", "特徴量"),
        "footer": ("Rendered from the canonical results document by", "正規の結果文書から生成:"),
        "random": ("random guess", "ランダム推測"),
        "count": ("count", "件数"),
        "defenseChart": ("Risk metric before and after each measured defense", "実測した防御の適用前後のリスク指標"),
        "before": ("before", "適用前"),
        "after": ("after", "適用後"),
        "decision": ("Decision", "判定"),
        "decisionAttacker": ("{0}: an attacker with {1} access", "{0}: {1} アクセスを持つ攻撃者"),
        "decisionReaches": (" reaches", "の到達値:"),
        "decisionNoLeak": ("no measurable leakage", "測定可能な漏洩なし"),
        "decisionTpr": (
            "at {0} of outsiders wrongly flagged, {1} in 100 members are identified",
            "非メンバーの誤検出を {0} に抑えたとき、メンバー100件中 {1} 件を特定"
        ),
        "decisionTested": ("Tested:", "評価済み:"),
        "decisionNotTested": ("Not tested:", "未評価:"),
        "decisionNothingTested": ("nothing", "なし"),
        "decisionAssumptions": ("Assumptions:", "前提:"),
        "decisionAccess": ("access", "アクセス"),
        "decisionSensitivity": ("data sensitivity", "データの機微度"),
        "decisionProfile": ("budget profile", "予算プロファイル"),
        "decisionContext": ("scoring context", "評価の前提"),
        "decisionShip": ("SHIP", "出荷可"),
        "decisionBlock": ("BLOCK", "出荷不可"),
        "decisionGate": ("Gate (--fail-on): {0} or above blocks.", "ゲート (--fail-on): {0} 以上で出荷不可。"),
        "decisionIncomplete": (
            "The assessment is incomplete, so it cannot vouch for the model.",
            "評価が完了していないため、モデルを保証できません。"
        ),
        "decisionNoGate": (
            "No gate (--fail-on) was given, so no ship / block verdict.",
            "ゲート (--fail-on) が指定されていないため、出荷可否は判定していません。"
        ),
        "requirements": ("Compliance requirements", "コンプライアンス要件"),
        "requirementsIntro": (
            "Each requirement fails when its probe measured leakage (severity low or above, so at or above any "
                + "gate), passes when the probe ran and found none, and is not tested when the probe did not run. "
                + "Catalog status says whether the requirement's ID and text were confirmed in a primary source.",
            "各要件は、対応するプローブが漏洩を測定した場合 (深刻度が低以上、すなわちどのゲート以上でも) 不合格、"
                + "プローブが実行され漏洩がなければ合格、プローブが実行されなければ未評価です。カタログ状態は要件の ID と本文が"
                + "一次情報で確認済みかを示します。"
        ),
        "requirement": ("Requirement", "要件"),
        "probe": ("Probe", "プローブ"),
        "outcome": ("Outcome", "結果"),
        "catalogStatus": ("Catalog status", "カタログ状態"),
        "references": ("References:", "参照:"),
        "outcome.pass": ("pass", "合格"),
        "outcome.fail": ("fail", "不合格"),
        "outcome.not-tested": ("not tested", "未評価"),
        "status.ran": ("ran", "実行済み"),
        "status.skipped": ("skipped", "スキップ"),
        "status.failed": ("failed", "失敗"),
        "severity.note": ("note", "情報"),
        "severity.low": ("low", "低"),
        "severity.medium": ("medium", "中"),
        "severity.high": ("high", "高"),
        "severity.critical": ("critical", "重大"),
        "sensitivity.low": ("low", "低"),
        "sensitivity.medium": ("medium", "中"),
        "sensitivity.high": ("high", "高"),
        "role.members": ("members", "メンバー"),
        "role.nonmembers": ("non-members", "非メンバー"),
        "role.population": ("population", "母集団"),
    ]

    static func label(_ key: String, _ lang: ReportLanguage) -> String {
        guard let entry = table[key] else { return key }
        return lang == .ja ? entry.ja : entry.en
    }

    /// Every label in one language, for the template's `t` object.
    static func all(_ lang: ReportLanguage) -> [String: String] {
        table.mapValues { lang == .ja ? $0.ja : $0.en }
    }
}

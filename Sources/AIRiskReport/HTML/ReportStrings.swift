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
            "The overall risk is the most serious finding's level. How sensitive the owner says the training data is:",
            "総合リスクは最も深刻な検出事項の水準です。所有者が申告した学習データの機微度:"
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
        "images.membership": (
            "Most exposed member records: the training records the headline attack singles out first",
            "最も特定されやすいメンバーレコード: 主要な攻撃が最初に特定する学習レコード"
        ),
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
        "contents": ("Contents", "目次"),
        "matrixShort": ("Coverage matrix", "評価範囲マトリックス"),
        "decisionIntro": (
            "What an attacker could learn from this model, in plain words, and whether it may ship.",
            "このモデルから攻撃者が何を知り得るかを平易な言葉で示し、出荷してよいかを判定します。"
        ),
        "decisionTerms": ("What the terms mean", "用語の意味"),
        "plan": ("Remediation plan", "対策計画"),
        "planIntro": (
            "Each row is a defense that was applied and measured: the finding it was measured against, the severity "
                + "without and with it, the headline figure's change and what it costs legitimate users.",
            "各行は実際に適用して測定した防御です。対象の検出事項、防御なしと防御ありの深刻度、主要指標の変化、"
                + "正規利用者にとってのコストを示します。"
        ),
        "planCaption": ("Measured defenses, most severe finding first", "実測した防御 (深刻度の高い検出事項から)"),
        "planAction": ("Action", "対策"),
        "planSeverity": ("Severity without → with", "深刻度 (防御なし → あり)"),
        "planFigure": ("Headline figure", "主要指標"),
        "planCost": ("Cost", "コスト"),
        "planUtility": ("accuracy {0} points", "精度 {0} ポイント"),
        "planSameLabel": ("top label unchanged on {0} of answers", "回答の {0} で最上位ラベルが不変"),
        "planQueryCost": (
            "answers unchanged; clients needing more queries are refused", "回答は不変。上限を超えるクライアントは拒否される"
        ),
        "planNoUtility": ("utility not measured", "有用性は未測定"),
        "planRecommendedLimit": (
            "recommended: the largest measured limit that lowers the severity, {0} queries per client",
            "推奨: 深刻度を下げる測定済みの上限のうち最大の、クライアントあたり {0} クエリ"
        ),
        "planUnfixed": ("Not fixed by any measured defense", "実測したどの防御でも解消しない"),
        "planNotMeasured": ("{0}: no defense was measured against it.", "{0}: これに対する防御は測定していません。"),
        "planNoneLowers": (
            "{0}: none of the {1} measured defense settings lowers its severity.",
            "{0}: 測定した {1} 件の防御設定のいずれも深刻度を下げません。"
        ),
        "baseline": ("Comparison with the previous version", "前バージョンとの比較"),
        "baselineIntro": ("Compared with the baseline assessment", "比較対象のベースライン評価:"),
        "baselineSeverities": ("Severity per probe", "プローブごとの深刻度"),
        "baselineMetrics": ("Metrics of both versions", "両バージョンの指標"),
        "baselineOld": ("Baseline", "ベースライン"),
        "baselineNew": ("This version", "このバージョン"),
        "baselineChange": ("Change", "変化"),
        "baselineTradeoff": (
            "Privacy against utility: each line runs from a version without a defense (hollow) to the model behind "
                + "it (filled, labelled with the setting); lower and to the right is better.",
            "プライバシーと有用性: 各線は防御なしのモデル (白抜き) から防御後のモデル (塗りつぶし、設定名付き) への変化を示します。"
                + "右下ほど良好です。"
        ),
        "against": ("against", "対"),
        "withoutDefense": ("without the defense", "防御なし"),
        "change.worse": ("worse", "悪化"),
        "change.better": ("better", "改善"),
        "change.same": ("unchanged", "変化なし"),
        "headlineShort": ("headline", "主要指標"),
        "metrics": ("Metrics", "指標"),
        "allSeries": ("All attacks in one chart", "すべての攻撃を1つのグラフで表示"),
        "details": ("Details", "詳細"),
        "why": ("Why this severity", "この深刻度の理由"),
        "utilityProbe": ("Utility", "有用性"),
        "csvNote": (
            "The first {0} of {1} rows; all of them are in {2} beside this report.",
            "{1} 行のうち最初の {0} 行。全行はこのレポートと同じフォルダの {2} にあります。"
        ),
        "planBaselineNote": (
            "“Without” is the what-if baseline each defense was compared against (re-run with the same profile and "
                + "seed), which can be a weaker attacker than the headline above.",
            "「防御なし」は各防御の比較用に同じプロファイルとシードで再実行した基準であり、上の主要指標より弱い攻撃者の場合があります。"
        ),
        "identifiable": (
            "At {0} of non-members wrongly flagged, the headline attack ({1}) identifies {2} of {3} members ({4}).",
            "非メンバーの誤検出を {0} に抑えたとき、主要な攻撃 ({1}) はメンバー {3} 件中 {2} 件 ({4}) を特定します。"
        ),
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

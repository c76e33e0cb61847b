/// Japanese for the strings the probes write into the results (probe and table titles, metric names, units,
/// column heads, chart labels): whole strings by table, and the ones that carry a value or an attack's name by
/// pattern. A string the report does not know stays as the results wrote it.
extension ReportStrings {
    static let dataJA: [String: String] = [
        "Membership inference": "メンバーシップ推論",
        "Model inversion": "モデル反転",
        "Model extraction": "モデル抽出",
        "utility": "有用性",
        "membership": "メンバーシップ推論",
        "inversion": "モデル反転",
        "extraction": "モデル抽出",
        "Attack AUC": "攻撃の AUC",
        "Attack accuracy": "攻撃の正解率",
        "Attack accuracy (evaluation model)": "攻撃の正解率 (評価用モデル)",
        "Best fidelity": "最高忠実度",
        "Centred cosine to class mean": "クラス平均との中心化コサイン類似度",
        "Classes reached (target's own label)": "到達したクラス (標的モデル自身のラベル)",
        "Empirical ε lower bound": "経験的 ε の下限",
        "Equation solving: fidelity": "連立方程式による抽出: 忠実度",
        "Equation solving: max parameter relative error": "連立方程式による抽出: パラメータ最大相対誤差",
        "Equation solving: queries to recover the parameters": "連立方程式による抽出: パラメータ復元に必要なクエリ数",
        "Fidelity after 1,000 queries": "1,000 クエリ後の忠実度",
        "Fidelity within the query limit": "クエリ上限内での忠実度",
        "Generalisation gap": "汎化ギャップ",
        "Held-out rows": "評価用に取り置いた行数",
        "Majority-label baseline fidelity": "多数派ラベルによる基準忠実度",
        "Mean target confidence": "標的クラスの平均確信度",
        "Membership advantage": "メンバーシップ優位度",
        "Test accuracy (non-members)": "テスト精度 (非メンバー)",
        "Train accuracy (members)": "学習精度 (メンバー)",
        "Top label unchanged": "最上位ラベル不変",
        "accuracy against labels": "正解ラベルに対する精度",
        "Severity (0 note … 4 critical)": "深刻度 (0 情報 … 4 重大)",
        "members": "メンバー",
        "non-members": "非メンバー",
        "TPR − FPR": "TPR − FPR (真陽性率 − 偽陽性率)",
        "cosine": "コサイン",
        "fraction": "割合",
        "probability": "確率",
        "queries": "クエリ",
        "relative": "相対値",
        "rows": "行",
        "Attacks": "攻撃手法",
        "Attack": "攻撃手法",
        "AUC 95 % CI": "AUC 95 % 信頼区間",
        "Advantage": "優位度",
        "Balanced accuracy": "バランス正解率",
        "ε lower bound": "ε の下限",
        "Class": "クラス",
        "Members": "メンバー",
        "Non-members": "非メンバー",
        "Member index": "メンバー番号",
        "Score": "スコア",
        "Feature": "特徴量",
        "Source": "入力元",
        "Surrogate": "代替モデル",
        "Loss": "損失",
        "Per class": "クラス別",
        "Per-step accuracy (sequence outputs)": "ステップ別精度 (系列出力)",
        "Queries to reach fidelity": "忠実度に到達するまでのクエリ数",
        "Fidelity versus queries": "クエリ数と忠実度",
        "ROC (log-log)": "ROC 曲線 (両対数)",
        "Reconstructed feature vectors": "復元された特徴ベクトル",
        "Regression copies": "回帰モデルの複製",
        "attack score": "攻撃スコア",
        "false positive rate": "偽陽性率",
        "true positive rate": "真陽性率",
        "accuracy": "精度",
        "fidelity": "忠実度",
        "step": "ステップ",
        "Critical risk": "重大リスク",
        "High risk": "高リスク",
        "Medium risk": "中リスク",
        "Low risk": "低リスク",
        "Note risk": "リスク情報",
        "no measurable leakage": "測定可能な漏洩なし",
    ]

    /// Patterns: an English prefix and suffix around a value kept as is, and the Japanese with `{0}` for it.
    static let dataPatternsJA: [(prefix: String, suffix: String, ja: String)] = [
        ("TPR at ", " FPR", "偽陽性率 {0} での真陽性率"),
        ("TPR @ ", " FPR [95 % CI]", "偽陽性率 {0} での真陽性率 [95 % 信頼区間]"),
        ("Queries to ", " fidelity", "忠実度 {0} に必要なクエリ数"),
        ("Attack scores: members vs non-members (", ")", "攻撃スコア: メンバーと非メンバー ({0})"),
        ("Most exposed member records (", ")", "最も特定されやすいメンバーレコード ({0})"),
        ("Per-class AUC (", ")", "クラス別 AUC ({0})"),
        ("Class ", " member mean", "クラス {0} のメンバー平均"),
        ("Class ", " reconstruction", "クラス {0} の復元"),
    ]

    /// `text` in Japanese where the table or a pattern knows it, else unchanged.
    static func translate(_ text: String) -> String {
        if let ja = dataJA[text] { return ja }
        for p in dataPatternsJA
        where text.hasPrefix(p.prefix) && text.hasSuffix(p.suffix) && text.count > p.prefix.count + p.suffix.count {
            let value = String(text.dropFirst(p.prefix.count).dropLast(p.suffix.count))
            return p.ja.replacingOccurrences(of: "{0}", with: value)
        }
        // "Membership inference: High risk" (a finding's title): both halves by the table.
        if let colon = text.range(of: ": ") {
            let head = String(text[..<colon.lowerBound])
            let tail = String(text[colon.upperBound...])
            if let h = dataJA[head], let t = dataJA[tail] { return h + ": " + t }
        }
        return text
    }
}

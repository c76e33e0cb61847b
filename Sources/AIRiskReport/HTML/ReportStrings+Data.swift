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
        "Copy fidelity": "複製の忠実度",
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
        "Accuracy on non-members": "非メンバーに対する精度",
        "Attribute inference accuracy": "属性推論の正解率",
        "Attribute inference accuracy (non-members)": "属性推論の正解率 (非メンバー)",
        "Attribute marginal guess (members)": "周辺分布による推測 (メンバー)",
        "Attack accuracy (reconstructions)": "攻撃の正解率 (復元)",
        "Records": "レコード",
        "Attack accuracy [95 % CI]": "攻撃の正解率 [95 % 信頼区間]",
        "Marginal guess [95 % CI]": "周辺分布による推測 [95 % 信頼区間]",
        "Right guesses": "正解数",
        "Records attacked": "攻撃したレコード数",
        "Beyond public data": "公開データを上回る",
        "Classes beyond the public baseline": "公開データの基準を上回ったクラス",
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
        "AUC 95 % CI low": "AUC 95 % 信頼区間 下限",
        "AUC 95 % CI high": "AUC 95 % 信頼区間 上限",
        "Advantage": "優位度",
        "Balanced accuracy": "バランス正解率",
        "ε lower bound": "ε の下限",
        "Class": "クラス",
        "Members": "メンバー",
        "Non-members": "非メンバー",
        "Member index": "メンバー番号",
        "Score": "スコア",
        "Label": "ラベル",
        "yes": "はい",
        "no": "いいえ",
        "Feature": "特徴量",
        "Source": "入力元",
        "Surrogate": "代替モデル",
        "Loss": "損失",
        "Per class": "クラス別",
        "Per-step accuracy (sequence outputs)": "ステップ別精度 (系列出力)",
        "Loss attack at each step (sequence model)": "ステップ別の損失攻撃 (系列モデル)",
        "Loss-attack AUC per step (sequence outputs)": "ステップ別の損失攻撃 AUC (系列出力)",
        "Step": "ステップ",
        "Member accuracy": "メンバーの正解率",
        "Non-member accuracy": "非メンバーの正解率",
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
        "no leakage beyond public data": "公開データから得られる以上の漏洩なし",
        "gradient ascent with a public-data prior": "公開データの事前分布を用いた勾配上昇法",
        // Attack names as the probes write them.
        "loss threshold": "損失しきい値",
        "loss threshold, leakiest step": "損失しきい値 (最も漏洩するステップ)",
        "confidence threshold": "確信度しきい値",
        "entropy threshold": "エントロピーしきい値",
        "modified-entropy threshold": "修正エントロピーしきい値",
        "gap (label-only)": "正誤ギャップ (ラベルのみ)",
        "boundary distance (label-only)": "決定境界距離 (ラベルのみ)",
        "shadow models (Shokri)": "シャドウモデル (Shokri)",
        "LiRA offline": "LiRA (オフライン)",
        "LiRA online": "LiRA (オンライン)",
        "RMIA offline": "RMIA (オフライン)",
        "RMIA online": "RMIA (オンライン)",
        "majority-label copy": "多数派ラベルの複製",
        "chance": "偶然",
        // Inversion's per-class table and images.
        "Target confidence": "標的クラスの確信度",
        "Target label": "標的ラベル",
        "Evaluator label": "評価用分類器のラベル",
        "MSE to class mean": "クラス平均との平均二乗誤差",
        "Cosine": "コサイン類似度",
        "Centred cosine": "中心化コサイン類似度",
        "Centred cosine (non-member mean)": "中心化コサイン類似度 (非メンバー平均)",
        "Centred cosine (random)": "中心化コサイン類似度 (ランダム)",
        "Nearest member distance": "最近傍メンバーとの距離",
        "Nearest member (random)": "最近傍メンバー (ランダム)",
        "Iterations": "反復回数",
        "mean of the class's member records": "このクラスのメンバーレコードの平均",
        "fidelity sample": "忠実度の評価標本",
        "hard": "ハードラベル",
        "public-data": "公開データ",
        "catalog recommendation; not measured in this assessment": "カタログ上の推奨。本評価では測定していない",
        "verified": "確認済み",
        "not reached": "未到達",
        "scores": "スコア",
        "labels-only": "ラベルのみ",
        "white-box": "ホワイトボックス",
        "unverified": "未確認",
        "Suppress overfitting": "過学習の抑制",
        "Mask gradient information": "勾配情報のマスキング",
        "Training-data access control": "学習データのアクセス制御",
        "Detect stolen (copied) models": "盗用 (複製) モデルの検知",
        "Differential privacy": "差分プライバシー",
        "Return labels only": "ラベルのみを返す",
        "Mask confidence scores": "信頼スコアのマスキング",
        "Model access control": "モデルのアクセス制御",
    ]

    /// Patterns: an English prefix and suffix around a value kept as is, and the Japanese with `{0}` for it.
    static let dataPatternsJA: [(prefix: String, suffix: String, ja: String)] = [
        ("TPR at ", " FPR", "偽陽性率 {0} での真陽性率"),
        ("TPR @ ", " FPR [95 % CI]", "偽陽性率 {0} での真陽性率 [95 % 信頼区間]"),
        ("Queries to ", " fidelity", "忠実度 {0} に必要なクエリ数"),
        ("Attack scores: members vs non-members (", ")", "攻撃スコア: メンバーと非メンバー ({0})"),
        ("Most exposed member records (", ")", "最も特定されやすいメンバーレコード ({0})"),
        ("Per-class AUC (", ")", "クラス別 AUC ({0})"),
        ("Attribute inference (", ")", "属性推論 ({0})"),
        ("Per-record scores (", ")", "レコードごとのスコア ({0})"),
        ("Flagged at ", " FPR", "偽陽性率 {0} で検出"),
        ("Class ", " member mean", "クラス {0} のメンバー平均"),
        ("Class ", " reconstruction", "クラス {0} の復元"),
        ("Member ", "", "メンバー {0}"),
        ("score ", "", "スコア {0}"),
        ("class ", "", "クラス {0}"),
        ("method: ", "", "手法: {0}"),
        ("target confidence ", "", "標的クラスの確信度 {0}"),
        ("Headline: ", "", "主要指標: {0}"),
        ("gaussian(", ")", "ガウス雑音({0})"),
        ("soft(", ")", "ソフトラベル({0})"),
        ("mlp(", ")", "多層パーセプトロン({0})"),
        ("Copy fidelity within ", " queries", "{0} クエリ以内での複製の忠実度"),
    ]

    /// `text` in Japanese where the table or a pattern knows it, else unchanged.
    static func translate(_ text: String) -> String {
        if let ja = dataJA[text] { return ja }
        for p in dataPatternsJA
        where text.hasPrefix(p.prefix) && text.hasSuffix(p.suffix) && text.count > p.prefix.count + p.suffix.count {
            let value = String(text.dropFirst(p.prefix.count).dropLast(p.suffix.count))
            return p.ja.replacingOccurrences(of: "{0}", with: translate(value))
        }
        // A scoring context: "data sensitivity medium (6), exposure internal (-2), white-box access (+1)".
        if text.hasPrefix("data sensitivity ") {
            var out = text
            for (en, ja) in [
                ("data sensitivity ", "データの機微度 "), ("exposure ", "公開範囲 "), (" access", " アクセス"),
                ("medium", "中"), ("high", "高"), ("low", "低"), ("internal", "社内"), ("public", "公開"),
            ] {
                out = out.replacingOccurrences(of: en, with: ja)
            }
            return out
        }
        // Settings joined by " · " (an extraction attack's query source · surrogate · loss): part by part.
        if text.contains(" · ") {
            let parts = text.components(separatedBy: " · ")
            let translated = parts.map(translate)
            if translated != parts { return translated.joined(separator: " · ") }
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

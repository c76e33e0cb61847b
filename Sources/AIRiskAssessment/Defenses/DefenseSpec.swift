import AIRiskAccess
import Foundation

/// One defense to measure, as given to `--defenses` (e.g. `round:2`, `top:1`, `label-only`,
/// `noise:0.05`, `laplace:0.05`, `temperature:4`, `reverse-sigmoid:1:0.1`, `query-limit:1000`).
package enum DefenseSpec: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Round scores to this many decimals.
    case round(decimals: Int)
    /// Keep the k highest probabilities, zero the rest (not renormalised).
    case topK(Int)
    /// Return the predicted label only.
    case labelOnly
    /// Add seeded noise of this scale to the scores and renormalise.
    case noise(scale: Double, distribution: NoisyScoresModel.Distribution)
    /// Soften probabilities with a temperature.
    case temperature(Double)
    /// Lee et al. 2018's reverse-sigmoid perturbation.
    case reverseSigmoid(beta: Double, gamma: Double)
    /// At most this many query rows per client.
    case queryLimit(Int)
    /// Retrain with L2 weight decay λ (measured on an in-process retrain, not the deployed model).
    case l2(Double)
    /// Retrain with DP-SGD to this ε (δ = 1/n; measured on an in-process retrain, not the deployed model).
    case dpSGD(epsilon: Double)
    /// Retrain with dropout of this rate on the hidden layers (measured on an in-process retrain).
    case dropout(Double)
    /// Retrain with early stopping on a validation split of the members, stopping after this many epochs
    /// without improvement (measured on an in-process retrain).
    case earlyStopping(patience: Int)

    /// The patience `early-stopping` uses when none is given.
    package static let defaultPatience = 5
    /// The share of the member records early stopping holds out as its validation set.
    package static let earlyStoppingValidationShare = 0.2

    /// The syntax `--defenses` accepts, for help texts and error messages.
    package static let syntax =
        "round:DECIMALS, top:K, label-only, noise:SIGMA, laplace:B, temperature:T, reverse-sigmoid[:BETA[:GAMMA]], "
        + "query-limit:N, l2:LAMBDA, dp-sgd:EPSILON, dropout:RATE, early-stopping[:PATIENCE]"

    /// The catalog's measurable-defense id (catalog/mappings.xml) this defense is an instance of.
    package var measurableDefenseID: String {
        switch self {
        case .round: "mdef.round"
        case .topK: "mdef.top-k"
        case .labelOnly: "mdef.label-only"
        case .noise: "mdef.noise"
        case .temperature: "mdef.temperature"
        case .reverseSigmoid: "mdef.reverse-sigmoid"
        case .queryLimit: "mdef.query-limit"
        case .l2: "mdef.l2"
        case .dpSGD: "mdef.dp-sgd"
        case .dropout: "mdef.dropout"
        case .earlyStopping: "mdef.early-stopping"
        }
    }

    /// Whether the defense transforms answers (as opposed to limiting how many there are).
    package var isOutputDefense: Bool {
        switch self {
        case .queryLimit, .l2, .dpSGD, .dropout, .earlyStopping: false
        default: true
        }
    }

    /// Whether the defense changes how the model is trained (measured on a retrain).
    package var isTrainingDefense: Bool {
        switch self {
        case .l2, .dpSGD, .dropout, .earlyStopping: true
        default: false
        }
    }

    /// A short English phrase for reports, e.g. "round scores to 1 decimal".
    package var summary: String {
        switch self {
        case .round(let d): "round scores to \(d) decimal\(d == 1 ? "" : "s")"
        case .topK(let k): "return the top-\(k) probabilit\(k == 1 ? "y" : "ies") only"
        case .labelOnly: "return the label only"
        case .noise(let s, let dist): "add \(dist.rawValue) noise of scale \(Self.format(s)) to the scores"
        case .temperature(let t): "soften scores with temperature \(Self.format(t))"
        case .reverseSigmoid(let b, let g): "reverse-sigmoid perturbation (β \(Self.format(b)), γ \(Self.format(g)))"
        case .queryLimit(let n): "limit each client to \(n) queries"
        case .l2(let l): "retrain with L2 weight decay \(Self.format(l))"
        case .dpSGD(let e): "retrain with DP-SGD at ε = \(Self.format(e))"
        case .dropout(let p): "retrain with dropout \(Self.format(p)) on the hidden layers"
        case .earlyStopping(let k): "retrain with early stopping (patience \(k) epoch\(k == 1 ? "" : "s"))"
        }
    }

    package var description: String {
        switch self {
        case .round(let d): "round:\(d)"
        case .topK(let k): "top:\(k)"
        case .labelOnly: "label-only"
        case .noise(let s, let dist): (dist == .gaussian ? "noise:" : "laplace:") + Self.format(s)
        case .temperature(let t): "temperature:\(Self.format(t))"
        case .reverseSigmoid(let b, let g): "reverse-sigmoid:\(Self.format(b)):\(Self.format(g))"
        case .queryLimit(let n): "query-limit:\(n)"
        case .l2(let l): "l2:\(Self.format(l))"
        case .dpSGD(let e): "dp-sgd:\(Self.format(e))"
        case .dropout(let p): "dropout:\(Self.format(p))"
        case .earlyStopping(let k): "early-stopping:\(k)"
        }
    }

    /// `model` behind this defense. Query limits wrap the model in a ``CountingModel`` with that
    /// budget; noise draws from `seed`. Training defenses cannot wrap a trained model: they return it
    /// unchanged (they are measured on a retrain).
    package func wrap(_ model: any ModelAccess, seed: UInt64 = 0) -> any ModelAccess {
        switch self {
        case .round(let d): RoundedScoresModel(model, decimals: d)
        case .topK(let k): TopKScoresModel(model, k: k)
        case .labelOnly: LabelsOnlyModel(model)
        case .noise(let s, let dist): NoisyScoresModel(model, scale: s, distribution: dist, seed: seed)
        case .temperature(let t): TemperatureScaledModel(model, temperature: t)
        case .reverseSigmoid(let b, let g): ReverseSigmoidModel(model, beta: b, gamma: g)
        case .queryLimit(let n): CountingModel(model, budget: n)
        case .l2, .dpSGD, .dropout, .earlyStopping: model
        }
    }

    /// Why this defense cannot be applied to a model that answers `kind`, or nil when it can.
    package func inapplicability(to kind: OutputKind) -> String? {
        switch (self, kind) {
        case (.queryLimit, _): nil
        case (.l2, .probabilities), (.l2, .logits), (.dpSGD, .probabilities), (.dpSGD, .logits),
            (.dropout, .probabilities), (.dropout, .logits), (.earlyStopping, .probabilities),
            (.earlyStopping, .logits):
            nil
        case (.l2, _), (.dpSGD, _), (.dropout, _), (.earlyStopping, _):
            "training defenses are measured by retraining classifiers with class scores"
        case (_, .sequence): "output defenses are not applied to sequence outputs"
        case (.round, .regression), (.noise, .regression): nil
        case (_, .regression): "\(description) transforms class scores; the model is a regressor"
        case (.labelOnly, .labels): "the model already returns labels only"
        case (_, .labels): "\(description) transforms scores; the model returns labels only"
        default: nil
        }
    }

    /// Parses a comma-separated list such as `round:2,top:1,label-only,noise:0.05`.
    package static func parseList(_ text: String) throws(DefenseSpecError) -> [DefenseSpec] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw DefenseSpecError(item: text, reason: "the list is empty") }
        var out: [DefenseSpec] = []
        for item in items {
            let spec = try parse(item)
            if !out.contains(spec) { out.append(spec) }
        }
        return out
    }

    /// Parses one defense, e.g. `round:2`.
    package static func parse(_ item: String) throws(DefenseSpecError) -> DefenseSpec {
        let parts = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0].lowercased()
        let args = Array(parts.dropFirst())
        func count(_ allowed: ClosedRange<Int>) throws(DefenseSpecError) {
            guard allowed.contains(args.count) else {
                let range =
                    allowed.lowerBound == allowed.upperBound
                    ? "\(allowed.lowerBound)" : "\(allowed.lowerBound)–\(allowed.upperBound)"
                throw DefenseSpecError(
                    item: item,
                    reason: allowed.upperBound == 0
                        ? "\(name) takes no parameter" : "\(name) takes \(range) parameter(s)")
            }
        }
        func int(_ i: Int, min lower: Int) throws(DefenseSpecError) -> Int {
            guard let v = Int(args[i]), v >= lower else {
                throw DefenseSpecError(item: item, reason: "'\(args[i])' is not an integer ≥ \(lower)")
            }
            return v
        }
        func positive(_ i: Int, allowZero: Bool = false) throws(DefenseSpecError) -> Double {
            guard let v = Double(args[i]), v.isFinite, allowZero ? v >= 0 : v > 0 else {
                throw DefenseSpecError(
                    item: item, reason: "'\(args[i])' is not a \(allowZero ? "non-negative" : "positive") number")
            }
            return v
        }
        switch name {
        case "round":
            try count(1...1)
            let d = try int(0, min: 0)
            guard d <= 8 else { throw DefenseSpecError(item: item, reason: "at most 8 decimals (float32 scores)") }
            return .round(decimals: d)
        case "top", "top-k", "topk":
            try count(1...1)
            return .topK(try int(0, min: 1))
        case "label-only", "labels-only", "label":
            try count(0...0)
            return .labelOnly
        case "noise", "gaussian":
            try count(1...1)
            return .noise(scale: try positive(0), distribution: .gaussian)
        case "laplace":
            try count(1...1)
            return .noise(scale: try positive(0), distribution: .laplace)
        case "temperature", "temp":
            try count(1...1)
            return .temperature(try positive(0))
        case "reverse-sigmoid", "reversesigmoid":
            try count(0...2)
            let beta = args.count > 0 ? try positive(0) : 1
            let gamma = args.count > 1 ? try positive(1) : 0.1
            return .reverseSigmoid(beta: beta, gamma: gamma)
        case "query-limit", "queries", "limit":
            try count(1...1)
            return .queryLimit(try int(0, min: 1))
        case "l2", "weight-decay":
            try count(1...1)
            return .l2(try positive(0))
        case "dp-sgd", "dpsgd", "dp":
            try count(1...1)
            return .dpSGD(epsilon: try positive(0))
        case "dropout":
            try count(1...1)
            let p = try positive(0)
            guard p < 1 else { throw DefenseSpecError(item: item, reason: "the dropout rate must be below 1") }
            return .dropout(p)
        case "early-stopping", "early-stop", "earlystopping":
            try count(0...1)
            return .earlyStopping(patience: args.isEmpty ? defaultPatience : try int(0, min: 1))
        default:
            throw DefenseSpecError(item: item, reason: "unknown defense '\(name)'; use \(syntax)")
        }
    }

    /// A compact decimal for settings and names (0.05, 4, 0.1).
    package static func format(_ v: Double) -> String { DefenseSetting.format(v) }
}

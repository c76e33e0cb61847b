import AIRiskAssessment
import ArgumentParser

/// The options `assess` and `demo` share that fix what an assessment computes from its inputs: the budgets and the
/// seed.
struct RunOptions: ParsableArguments {
    @Option(help: "Budgets in one word: quick, standard or thorough.")
    var profile: Profile = .standard

    @Option(help: "Seed for every random choice; the same inputs and seed give the same report.")
    var seed: UInt64 = 0
}

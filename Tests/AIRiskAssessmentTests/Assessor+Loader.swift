import AIRiskAssessment
import AIRiskLoader
import AIRiskResults

extension Assessor {
    /// Resolves the plan's model file with the loader, as the CLI composes them, and assesses it.
    func run(_ plan: AssessmentPlan) async throws -> AssessmentResults {
        try await run(plan, model: ModelLoader(progress: progress).resolve(for: plan))
    }
}

import AIRiskCLI

await AIRiskCommand.runMain()

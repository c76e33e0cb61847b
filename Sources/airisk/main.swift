import AIRiskCLI

await AIRiskCommand.main()

// AIRiskProbes

// AIRiskReport

// AIRiskResults

// AIRiskData
